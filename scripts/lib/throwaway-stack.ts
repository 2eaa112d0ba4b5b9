import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Meilisearch } from "meilisearch";
import { createDb, type Db } from "@/lib/db";
import { createSearchClient } from "@/lib/meilisearch/client";
import { startLocalServer } from "@/lib/meilisearch/local-server";
import { deployMigrations } from "@/lib/migrations/migrate";
import { freePort } from "./free-port";

export interface ThrowawayStack {
  /** The temporary folder holding both (a script may write its own files there too). */
  dir: string;
  db: Db;
  search: Meilisearch;
}

/**
 * A throwaway SQLite database and local Meilisearch (index "papers") in a temporary folder,
 * with the process environment pointed at them so the app's own modules use them, for an
 * evaluation to ingest into and query. Both are stopped and removed after `evaluate`.
 */
export async function withThrowawayStack<T>(name: string, evaluate: (stack: ThrowawayStack) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `paperdex-${name}-`));
  const server = await startLocalServer({ dataDir: dir, port: await freePort(), masterKey: `${name}-master-key-0123456789` });
  try {
    const databaseUrl = `file:${path.join(dir, "eval.db")}`;
    Object.assign(process.env, {
      DATABASE_URL: databaseUrl,
      MEILI_URL: server.url,
      MEILI_API_KEY: server.masterKey,
      MEILI_INDEX: "papers",
    });
    await deployMigrations(databaseUrl);
    const db = createDb(databaseUrl);
    try {
      return await evaluate({
        dir,
        db,
        search: createSearchClient({ host: server.url, apiKey: server.masterKey, local: false }, 60_000),
      });
    } finally {
      await db.$disconnect();
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The digest files of a folder, in name order. */
export function listDigests(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => path.join(folder, f));
}
