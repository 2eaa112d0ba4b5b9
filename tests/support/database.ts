import path from "node:path";
import pg from "pg";
import { isPostgresUrl } from "@/lib/env";

/**
 * The database a test uses: a SQLite file in its folder, or, when the run has a PostgreSQL
 * server (TEST_POSTGRES_URL, set by scripts/with-postgres.sh), a database of its own there.
 * Migrations create it on first use.
 */
export function testDatabaseUrl(name: string, dir: string): string {
  const server = process.env.TEST_POSTGRES_URL;
  if (!server) return `file:${path.join(dir, `${name}.db`)}`;
  const url = new URL(server);
  url.pathname = `/${`paperdex_${name}_${process.pid}`.replace(/[^a-z0-9_]/gi, "_").toLowerCase()}`;
  return url.toString();
}

/** Drops a test's PostgreSQL database (a SQLite file goes with its folder). */
export async function dropTestDatabase(databaseUrl: string): Promise<void> {
  if (!isPostgresUrl(databaseUrl)) return;
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export const onPostgres = () => Boolean(process.env.TEST_POSTGRES_URL);
