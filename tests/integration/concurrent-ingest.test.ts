import { rmSync } from "node:fs";
import os from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import { acquireWriterLock } from "@/lib/ingest/writer-lock";
import { deployMigrations } from "@/lib/migrations/migrate";
import { dropIndex } from "@/lib/indexing/tasks";
import { compareIndex } from "@/lib/indexing/sync";
import { runScript } from "../support/cli";
import { scriptTestTargets } from "../support/test-env";
import { dropTestDatabase } from "../support/database";
import { SEED_FILES } from "../support/fixtures";

// Several processes against one database and one index: two ingests of overlapping files,
// started at the same moment, must neither fail nor store anything twice.

const { dir, databaseUrl, indexUid, env, search } = scriptTestTargets("concurrent");
const db = createDb(databaseUrl);

afterAll(async () => {
  await db.$disconnect();
  await dropIndex(search, indexUid);
  await dropTestDatabase(databaseUrl);
  rmSync(dir, { recursive: true, force: true });
});

describe("two ingests started at once", () => {
  it("run one after the other and store every paper once, database and index in step", async () => {
    await deployMigrations(databaseUrl);
    const [a, b] = await Promise.all([
      runScript("ingest", SEED_FILES.slice(0, 4), env),
      runScript("ingest", [...SEED_FILES.slice(1)].reverse(), env),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    // One of them found the other at work and waited.
    expect(`${a.stdout}${b.stdout}`).toMatch(/Waiting: another writer holds the database \(ingest pid \d+/);

    expect(await db.paper.count()).toBe(390);
    expect(await db.digest.count()).toBe(5);
    expect(await db.appearance.count()).toBe(432);
    expect(await db.writerLock.count()).toBe(0);
    const drift = await compareIndex(db, search, indexUid);
    expect([drift.missing, drift.extra, drift.stale]).toEqual([[], [], []]);
    expect(drift.documents).toBe(390);
  }, 180_000);

  it("takes over the lock of a writer that died without releasing it", async () => {
    // A lock left by a process that no longer exists on this machine (pid 2^22 + 1 is never used).
    await db.writerLock.create({
      data: {
        name: "writer",
        holder: `ingest pid 4194305 on ${os.hostname()} (dead0000)`,
        acquiredAt: new Date(),
        heartbeatAt: new Date(),
      },
    });
    const lock = await acquireWriterLock(db, "test", { timeoutMs: 2_000 });
    expect(lock.holder).toMatch(/^test pid /);
    await lock.release();
    expect(await db.writerLock.count()).toBe(0);
  });

  it("makes a second writer wait for a live one, and gives up after its timeout", async () => {
    const first = await acquireWriterLock(db, "first");
    let told = "";
    await expect(acquireWriterLock(db, "second", { timeoutMs: 1_500, onWait: (holder) => (told = holder) })).rejects.toThrow(
      /another writer still holds the database: first pid/,
    );
    expect(told).toBe(first.holder);
    await first.release();
  });
});
