import { copyFileSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { startLocalServer } from "../meilisearch/local-server";
import { readManifest } from "./backup";

export interface RestoreOptions {
  from: string;
  /** The data folder to bring back; it must be empty or missing. */
  dataDir: string;
  /** Where the database file goes (by default <dataDir>/paperdex.db). */
  databaseFile?: string;
  port: number;
  masterKey?: string;
  binary?: string;
}

/**
 * Brings an empty data folder back to a backup's state: the database file, and the search
 * engine's database rebuilt from the dump (Meilisearch imports it on a first start).
 */
export async function restore(options: RestoreOptions) {
  const manifest = readManifest(options.from);
  if (existsSync(options.dataDir) && readdirSync(options.dataDir).length > 0) {
    throw new Error(`${options.dataDir} is not empty: restore only into an empty data folder, so nothing is overwritten`);
  }
  mkdirSync(options.dataDir, { recursive: true });
  const databaseFile = options.databaseFile ?? path.join(options.dataDir, "paperdex.db");
  if (existsSync(databaseFile)) throw new Error(`${databaseFile} exists: restore would overwrite it`);
  mkdirSync(path.dirname(databaseFile), { recursive: true });
  copyFileSync(path.join(options.from, manifest.database), databaseFile);
  const server = await startLocalServer({
    dataDir: options.dataDir,
    port: options.port,
    masterKey: options.masterKey,
    binary: options.binary,
    importDump: path.join(options.from, manifest.dump),
  });
  await server.stop();
  return manifest;
}
