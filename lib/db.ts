import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/prisma/generated/client/client";
import { PrismaClient as PostgresClient } from "@/prisma/generated/postgres/client";
import { databaseUrl, isPostgresUrl } from "./env";

// One data model, two generated clients (Prisma generates one per provider; the PostgreSQL
// schema is derived from the SQLite one, see scripts/postgres-schema.mjs). Both expose the
// same models and methods, so the rest of the code is written once against this type.
export type Db = PrismaClient;

// The clients made for PostgreSQL (Prisma's client objects do not answer `instanceof`).
const postgresClients = new WeakSet<Db>();

export function createDb(url = databaseUrl()): Db {
  if (isPostgresUrl(url)) {
    // A small pool per process: several app servers share one PostgreSQL.
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) }) as unknown as Db;
    postgresClients.add(client);
    return client;
  }
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url }) });
}

/** True when this client talks to PostgreSQL (for the few statements written per provider). */
export function isPostgresDb(client: Db): boolean {
  return postgresClients.has(client);
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

/** SQLite, through Prisma's driver adapter, binds at most this many parameters per statement. */
export const MAX_BOUND_PARAMETERS = 999;

/**
 * Splits `items` into chunks that each fit in one statement: `perItem` bound parameters per
 * item, plus `reserved` for the rest of the statement (other filters, a LIMIT). PostgreSQL
 * takes far more; one limit keeps the code the same for both.
 */
export function parameterChunks<T>(items: readonly T[], { perItem = 1, reserved = 99 } = {}): T[][] {
  const size = Math.max(1, Math.floor((MAX_BOUND_PARAMETERS - reserved) / perItem));
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
