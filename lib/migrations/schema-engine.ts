import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { isPostgresUrl } from "../env";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as runtime from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

// Prisma's CLI needs a native schema engine that cannot be downloaded on our machines.
// The same engine ships as WebAssembly in @prisma/schema-engine-wasm; we instantiate it by
// hand because its ESM entry imports the .wasm file directly, which Node 20 does not allow.

const LOCKFILE = "migration_lock.toml";

/** Where each provider's schema and migrations live (the PostgreSQL schema is derived). */
export interface Flavor {
  provider: "sqlite" | "postgresql";
  schemaPath: string;
  migrationsDir: string;
}

export const SQLITE: Flavor = {
  provider: "sqlite",
  schemaPath: path.resolve("prisma/schema.prisma"),
  migrationsDir: path.resolve("prisma/migrations"),
};
export const POSTGRES: Flavor = {
  provider: "postgresql",
  schemaPath: path.resolve("prisma/postgres/schema.prisma"),
  migrationsDir: path.resolve("prisma/postgres/migrations"),
};

export function flavorOf(databaseUrl: string): Flavor {
  return isPostgresUrl(databaseUrl) ? POSTGRES : SQLITE;
}

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

/**
 * The schema engine reads PostgreSQL's catalog, whose one-byte "char" columns (type 18, such
 * as pg_class.relkind) Prisma's PostgreSQL adapter does not map, failing with "Column type
 * 'char' could not be deserialized". pg already returns them as strings: call them text.
 * Used for migrations only; the app's own tables have no such column.
 */
class CatalogClient extends pg.Client {}
const CHAR_OID = 18;
const TEXT_OID = 25;
// Called with the client as `this` below (apply), so taking it off the prototype is safe.
// eslint-disable-next-line @typescript-eslint/unbound-method
const baseQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
const asText = (r: pg.QueryResult | undefined) => {
  for (const field of r?.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  return r;
};
(CatalogClient.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
  this: pg.Client,
  ...args: unknown[]
) {
  // pg's pool calls back; direct calls get a promise.
  const callback = args.at(-1);
  if (typeof callback === "function") {
    const done = callback as (error: Error | null, r: pg.QueryResult | undefined) => unknown;
    args[args.length - 1] = (error: Error | null, r: pg.QueryResult) => done(error, asText(r));
    return baseQuery.apply(this, args);
  }
  const result = baseQuery.apply(this, args);
  return result instanceof Promise ? result.then(asText) : result;
};

export interface OpenEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes the database connections it opened. */
  close: () => Promise<void>;
}

/** Opens the schema engine on a database: a SQLite file ("file:./data/x.db") or a PostgreSQL URL. */
export async function openSchemaEngine(databaseUrl: string): Promise<OpenEngine> {
  await loadWasm();
  const flavor = flavorOf(databaseUrl);
  const factory =
    flavor.provider === "postgresql"
      ? new PrismaPg({ connectionString: databaseUrl, Client: CatalogClient })
      : new PrismaBetterSqlite3({ url: databaseUrl });
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
  const schema = await readFile(flavor.schemaPath, "utf8");
  const log = () => {};
  const engine = await runtime.SchemaEngine.new({ datamodels: [[flavor.schemaPath, schema]] }, log, adapter);
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(opened.map((a) => a.dispose()));
    },
  };
}

/** Reads prisma/migrations in the shape the engine expects (the same layout the CLI uses). */
export async function readMigrationList(dir: string): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
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

export async function readSchemaFiles(flavor: Flavor) {
  return { files: [{ path: flavor.schemaPath, content: await readFile(flavor.schemaPath, "utf8") }] };
}
