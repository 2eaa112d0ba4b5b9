import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as runtime from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

// Prisma's CLI needs a native schema engine that cannot be downloaded on our machines.
// The same engine ships as WebAssembly in @prisma/schema-engine-wasm; we instantiate it by
// hand because its ESM entry imports the .wasm file directly, which Node 20 does not allow.

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
const LOCKFILE = "migration_lock.toml";

let wasmReady: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    // The package exports no ./package.json: locate it through its exported JS glue.
    const glue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = path.join(path.dirname(glue), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": runtime as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void };
    runtime.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return wasmReady;
}

export interface OpenEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes the database connections it opened. */
  close(): Promise<void>;
}

/** Opens the schema engine on a SQLite file given as a Prisma URL ("file:./data/x.db"). */
export async function openSchemaEngine(databaseUrl: string): Promise<OpenEngine> {
  await loadWasm();
  const factory = new PrismaBetterSqlite3({ url: databaseUrl });
  // engine.free() leaves the connections open, and an open one keeps the file locked for
  // the next engine: track what the engine connects and dispose of it ourselves.
  const opened: { dispose(): Promise<void> }[] = [];
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    opened.push(adapter);
    return adapter;
  };
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const log = () => {};
  const engine = await runtime.SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, log, adapter);
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(opened.map((a) => a.dispose()));
    },
  };
}

/** Reads prisma/migrations in the shape the engine expects (the same layout the CLI uses). */
export async function readMigrationList(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, "migration.sql");
      const content = await readFile(file, "utf8").then(
        (value) => ({ tag: "ok" as const, value }),
        (error: Error) => ({ tag: "error" as const, value: error.message }),
      );
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  const lockContent = await readFile(path.join(dir, LOCKFILE), "utf8").catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: LOCKFILE, content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

export async function readSchemaFiles() {
  return { files: [{ path: SCHEMA_PATH, content: await readFile(SCHEMA_PATH, "utf8") }] };
}
