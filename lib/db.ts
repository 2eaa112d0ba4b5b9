import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/prisma/generated/client/client";
import { PrismaClient as PostgresClient } from "@/prisma/generated/postgres/client";
import { databaseUrl, isPostgresUrl } from "./env";

// One data model, two generated clients (Prisma generates one per provider; the PostgreSQL
// schema is derived from the SQLite one, see scripts/postgres-schema.mjs). Both expose the
// same models and methods, so the rest of the code is written once against this type.
export type Db = PrismaClient;

export function createDb(url = databaseUrl()): Db {
  if (isPostgresUrl(url)) {
    // A small pool per process: several app servers share one PostgreSQL.
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
    return client as unknown as Db;
  }
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url }) });
}

/** True when the configured database is PostgreSQL (for the few filters that differ). */
export function usesPostgres(): boolean {
  return isPostgresUrl(databaseUrl());
}

// One client per process; kept on globalThis so that Next's dev reloads do not open more.
const globalForDb = globalThis as unknown as { paperdexDb?: Db };

export function db(): Db {
  globalForDb.paperdexDb ??= createDb();
  return globalForDb.paperdexDb;
}
