import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/prisma/generated/client/client";
import { databaseUrl } from "./env";

export type Db = PrismaClient;

export function createDb(url = databaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url }) });
}

// One client per process; kept on globalThis so that Next's dev reloads do not open more.
const globalForDb = globalThis as unknown as { paperdexDb?: PrismaClient };

export function db(): PrismaClient {
  globalForDb.paperdexDb ??= createDb();
  return globalForDb.paperdexDb;
}
