import { execFileSync } from "node:child_process";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { ingestFiles } from "@/lib/ingest/ingest";
import { acquireWriterLock, WriterLockLost, WriterLockTimeout } from "@/lib/ingest/writer-lock";
import { waitUntil } from "@/lib/wait-until";
import { runScript } from "../support/cli";
import { SEED_FILES } from "../support/fixtures";
import { createTestEnv } from "../support/test-env";

// The writer lock is fenced: a writer that stalled (stopped, paused by the machine, starved)
// long enough for another to take its lock over cannot write anything after it resumes.

const env = await createTestEnv("writer-lock");
const databaseUrl = process.env.DATABASE_URL!;

afterEach(async () => {
  vi.useRealTimers();
  await env.db.writerLock.deleteMany();
});
afterAll(() => env.cleanup());

/**
 * Freezes this process, as a stop signal or a long pause would (no timer runs, so no
 * heartbeat), while another process waits until the lock is `staleMs` old and takes it over.
 * Returns the new holder.
 */
function pauseWhileAnotherTakesOver(staleMs: number): string {
  return execFileSync(
    process.execPath,
    ["--import", "tsx", "tests/support/take-over-writer-lock.ts", databaseUrl, String(staleMs)],
    { encoding: "utf8", timeout: 90_000 },
  );
}

const heldBy = async () => (await env.db.writerLock.findUnique({ where: { name: "writer" } }))?.holder;

describe("a writer paused past the stale interval", () => {
  it("is taken over, and after it resumes its ingest writes nothing more and says why", async () => {
    let usurper = "";
    const outcome = await ingestFiles(
      { db: env.db, search: env.search, indexUid: env.indexUid },
      { files: SEED_FILES.slice(0, 3) },
      {
        // Paused right after the first file's transaction committed.
        fileDone: () => {
          if (!usurper) usurper = pauseWhileAnotherTakesOver(1_500);
        },
      },
    ).then(
      () => null,
      (error: unknown) => error,
    );

    expect(usurper).toMatch(/^usurper pid \d+ on /);
    // The first file, committed before the pause, stays; nothing after it was written: no
    // other file, no paper marked indexed, no document sent to Meilisearch.
    expect(await env.db.digest.count()).toBe(1);
    expect(await env.db.paper.count({ where: { indexedHash: { not: null } } })).toBe(0);
    expect((await env.search.index(env.indexUid).getStats()).numberOfDocuments).toBe(0);
    expect(outcome).toBeInstanceOf(WriterLockLost);
    expect((outcome as WriterLockLost).message).toBe(
      `another writer (${usurper}) took over the database lock while this ingest was paused; stopped before writing more — run it again`,
    );
    // It left the lock to its new holder.
    expect(await heldBy()).toBe(usurper);
  }, 120_000);

  it("learns from its heartbeat that it lost the lock, and its next write transaction commits nothing", async () => {
    const lock = await acquireWriterLock(env.db, "paused", { staleMs: 1_500 });
    const usurper = pauseWhileAnotherTakesOver(1_500);
    // Running again: the next heartbeat finds the row in another writer's name.
    const lost = await waitUntil(() => lock.lost ?? undefined, { timeoutMs: 5_000, what: "the heartbeat to notice" });
    expect(lost).toBeInstanceOf(WriterLockLost);
    expect(lost.takenBy).toBe(usurper);

    const write = env.db.$transaction(async (tx) => {
      await lock.assertHeld(tx);
      await tx.topic.create({ data: { slug: "written-after-the-loss", name: "x", description: "x", rank: 99 } });
    });
    await expect(write).rejects.toBe(lost);
    expect(await env.db.topic.count({ where: { slug: "written-after-the-loss" } })).toBe(0);
    await lock.release();
    expect(await heldBy()).toBe(usurper);
  }, 120_000);
});

describe("the ingest command", () => {
  it("stops with a clear message and a failing exit code when another writer took its lock over", async () => {
    const other = "ingest pid 1 on another-host (5ca1ab1e)";
    let takeover: Promise<number> | undefined;
    const result = await runScript(
      "ingest",
      SEED_FILES,
      {},
      {
        // Once the first file is stored, another writer takes the lock over.
        watch: (stdout) => {
          if (takeover || !stdout.includes("✔")) return;
          takeover = env.db.writerLock.updateMany({ where: { name: "writer" }, data: { holder: other } }).then((r) => r.count);
        },
      },
    );
    expect(await takeover).toBe(1);
    expect(result.code, result.stdout).toBe(1);
    expect(result.stderr).toContain(
      `✖ another writer (${other}) took over the database lock while this ingest was paused; stopped before writing more — run it again`,
    );
    // Of the files, only those it had stored before stay.
    const stored = result.stdout.split("\n").filter((line) => line.includes("✔")).length;
    expect(stored).toBeLessThan(SEED_FILES.length);
    expect(await env.db.digest.count()).toBe(stored);
  }, 120_000);
});

describe("every write transaction of a writer", () => {
  it("checks the lock row itself, and stops when another writer holds it", async () => {
    const lock = await acquireWriterLock(env.db, "checked");
    const fenced = (slug: string) =>
      env.db.$transaction(async (tx) => {
        await lock.assertHeld(tx);
        await tx.topic.create({ data: { slug, name: slug, description: slug, rank: 98 } });
      });
    await fenced("written-while-held");
    // Another writer takes the row over (before this one's heartbeat could notice).
    const other = "ingest pid 1 on another-host (0badcafe)";
    await env.db.writerLock.update({ where: { name: "writer" }, data: { holder: other } });
    const error = await fenced("written-after-takeover").then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WriterLockLost);
    expect((error as WriterLockLost).takenBy).toBe(other);
    expect(lock.lost).toBe(error);
    expect((await env.db.topic.findMany({ where: { rank: 98 }, select: { slug: true } })).map((t) => t.slug)).toEqual([
      "written-while-held",
    ]);
    await lock.release();
    expect(await heldBy()).toBe(other);
  });
});

describe("the heartbeat", () => {
  it("keeps a live writer's lock, even with a short stale interval", async () => {
    const live = await acquireWriterLock(env.db, "live", { staleMs: 1_500 });
    await expect(acquireWriterLock(env.db, "second", { staleMs: 1_500, timeoutMs: 4_000 })).rejects.toBeInstanceOf(
      WriterLockTimeout,
    );
    expect(live.lost).toBeNull();
    await live.release();
  });

  it("does not ignore its failures: when none works for the stale interval, the lock counts as lost", async () => {
    const lock = await acquireWriterLock(env.db, "cut-off", { staleMs: 900 });
    // Every renewal fails while the table is away.
    await env.db.$executeRawUnsafe(`ALTER TABLE "WriterLock" RENAME TO "WriterLockAway"`);
    try {
      const lost = await waitUntil(() => lock.lost ?? undefined, { timeoutMs: 5_000, what: "the heartbeat to give up" });
      expect(lost.message).toMatch(
        /^this cut-off could not renew its database lock \(no heartbeat worked for \d+ s: .+\), so another writer may have taken it over; stopped before writing more — run it again$/,
      );
    } finally {
      await env.db.$executeRawUnsafe(`ALTER TABLE "WriterLockAway" RENAME TO "WriterLock"`);
    }
    await expect(lock.assertHeld()).rejects.toBe(lock.lost);
    await lock.release();
  });
});

describe("staleness", () => {
  const ELSEWHERE = "ingest pid 1 on another-host (0123abcd)";

  it("is judged by the database's clock: a live writer on a machine whose clock is behind keeps its lock", async () => {
    // This writer's machine is 10 minutes behind while it takes the lock.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() - 10 * 60_000 });
    const slow = await acquireWriterLock(env.db, "slow-clock");
    vi.useRealTimers();
    await expect(acquireWriterLock(env.db, "second", { timeoutMs: 1_500 })).rejects.toBeInstanceOf(WriterLockTimeout);
    expect(await heldBy()).toBe(slow.holder);
    await slow.release();
  });

  it("is judged by the database's clock: a dead writer elsewhere is taken over though this machine's clock is behind", async () => {
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    await env.db.writerLock.create({ data: { name: "writer", holder: ELSEWHERE, acquiredAt: hourAgo, heartbeatAt: hourAgo } });
    // This machine's clock is two hours behind: by it, that heartbeat lies in the future.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() - 2 * 60 * 60_000 });
    const lock = await acquireWriterLock(env.db, "behind", { timeoutMs: 2_000 });
    vi.useRealTimers();
    expect(await heldBy()).toBe(lock.holder);
    await lock.release();
  }, 10_000);
});
