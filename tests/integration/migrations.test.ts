import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { deployMigrations, schemaDrift } from "@/lib/migrations/migrate";
import { dropTestDatabase, onPostgres, testDatabaseUrl } from "../support/database";

const dir = mkdtempSync(path.join(os.tmpdir(), "paperdex-migrations-"));
const databaseUrl = testDatabaseUrl("migrations", dir);
afterAll(async () => {
  await dropTestDatabase(databaseUrl);
  rmSync(dir, { recursive: true, force: true });
});

describe(`the ${onPostgres() ? "PostgreSQL" : "SQLite"} migrations`, () => {
  it("build exactly the schema the code is written for, and apply once", async () => {
    expect((await deployMigrations(databaseUrl)).length).toBeGreaterThan(0);
    expect(await schemaDrift(databaseUrl)).toBe("");
    expect(await deployMigrations(databaseUrl)).toEqual([]);
  });
});
