import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { deployMigrations } from "@/lib/migrations/migrate";
import { dropIndex } from "@/lib/indexing/tasks";
import { createSearchClient } from "@/lib/meilisearch/client";
import { dropTestDatabase, testDatabaseUrl } from "./database";

/**
 * A real database (a SQLite file in a temporary folder, or a PostgreSQL database when the run
 * has a server) with the project's migrations applied, and a
 * fresh index in the test run's real Meilisearch. The process env is pointed at both, so
 * that modules reading the environment (search, related papers) use them too.
 */
export async function createTestEnv(name: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `paperdex-${name}-`));
  const databaseUrl = testDatabaseUrl(name, dir);
  const indexUid = `papers_${name}_${process.pid}`.replace(/[^A-Za-z0-9_-]/g, "_");
  Object.assign(process.env, {
    PAPERDEX_DATA_DIR: dir,
    DATABASE_URL: databaseUrl,
    MEILI_URL: inject("meiliUrl"),
    MEILI_API_KEY: inject("meiliKey"),
    MEILI_INDEX: indexUid,
  });
  await deployMigrations(databaseUrl);
  const db: Db = createDb(databaseUrl);
  const search = createSearchClient({ host: inject("meiliUrl"), apiKey: inject("meiliKey"), local: false }, 30_000);
  return {
    dir,
    db,
    search,
    indexUid,
    async cleanup() {
      await db.$disconnect();
      await dropIndex(search, indexUid);
      await dropTestDatabase(databaseUrl);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For tests that run the command-line scripts: a folder, a database URL and an index name of
 * their own, and the environment to pass the scripts (this process's own is left alone).
 */
export function scriptTestTargets(name: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `paperdex-${name}-`));
  const databaseUrl = testDatabaseUrl(name, dir);
  const indexUid = `papers_${name}_${process.pid}`;
  const env = {
    PAPERDEX_DATA_DIR: dir,
    DATABASE_URL: databaseUrl,
    MEILI_URL: inject("meiliUrl"),
    MEILI_API_KEY: inject("meiliKey"),
    MEILI_INDEX: indexUid,
  };
  const search = createSearchClient({ host: env.MEILI_URL, apiKey: env.MEILI_API_KEY, local: false }, 30_000);
  return { dir, databaseUrl, indexUid, env, search };
}
