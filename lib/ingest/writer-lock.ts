import { randomUUID } from "node:crypto";
import os from "node:os";
import { Prisma } from "@/prisma/generated/client/client";
import { isPostgresDb, type Db } from "../db";
import { sleep } from "../wait-until";

// One writer at a time (ingest, reindex), across every process and machine that shares the
// database: two ingests of overlapping files would otherwise race on the same papers, and
// their index tasks could land in the other order than their database writes.
//
// The lock is fenced. Its row names the holder, a string made unique per acquisition, and
// every write transaction of a writer begins by renewing the row where it still names that
// holder (`assertHeld(tx)`): when another writer took over meanwhile, nothing matches, and the
// transaction throws WriterLockLost and rolls back. The renewal keeps the row locked until the
// commit (PostgreSQL's row lock, SQLite's write lock), so a takeover lands before that
// transaction or after it, never inside. Staleness is judged by the database's clock, in the
// takeover statement itself: the hosts' clocks may disagree.

const NAME = "writer";
const HEARTBEAT_MS = 5_000;
/** A holder silent this long has died (killed, machine lost) or stalled: its lock may be taken over. */
const STALE_MS = 30_000;
const POLL_MS = 500;

/** Where a renewal runs: the client, or the transaction it fences. */
type Statements = Pick<Db, "$executeRaw" | "$queryRaw">;

/** What a writer's code needs of its lock: proof, before each write, that it still holds it. */
export interface WriterFence {
  /**
   * Proves that this writer still holds the lock (renewing its heartbeat), or throws
   * WriterLockLost. Call it first in every write transaction (`tx`), so that the check and the
   * writes commit together or not at all; without `tx`, just before a write the database cannot
   * fence (a task sent to Meilisearch).
   */
  assertHeld(tx?: Statements): Promise<void>;
}

export interface WriterLock extends WriterFence {
  holder: string;
  /** Set once the heartbeat or a write found the lock taken (or could not renew it): the next write stops. */
  readonly lost: WriterLockLost | null;
  release(): Promise<void>;
}

export class WriterLockTimeout extends Error {}

/** Another writer took the lock over: this one must stop before writing anything more. */
export class WriterLockLost extends Error {
  constructor(
    readonly what: string,
    /** Who holds the lock now (null when nobody does, or it is unknown). */
    readonly takenBy: string | null,
    /** Why the lock could not be renewed, when that is what ended it. */
    failure?: string,
  ) {
    const why = failure
      ? `this ${what} could not renew its database lock (${failure}), so another writer may have taken it over`
      : takenBy
        ? `another writer (${takenBy}) took over the database lock while this ${what} was paused`
        : `another writer took over the database lock while this ${what} was paused, and has released it since`;
    super(`${why}; stopped before writing more — run it again`);
  }
}

export interface WriterLockOptions {
  /** How long to wait for a live writer before giving up (WriterLockTimeout). */
  timeoutMs?: number;
  /** A holder whose heartbeat is older than this, by the database's clock, may be taken over. */
  staleMs?: number;
  /** Told once, when another live writer holds the lock. */
  onWait?: (holder: string, since: Date) => void;
}

/**
 * Takes the writer lock, waiting while another live writer holds it (`onWait` is told who,
 * once). Gives up after `timeoutMs`. A heartbeat renews the lock until it is released, and
 * marks it lost when the renewal finds another holder or keeps failing.
 */
export async function acquireWriterLock(
  db: Db,
  what: string,
  { timeoutMs = 30 * 60_000, staleMs = STALE_MS, onWait }: WriterLockOptions = {},
): Promise<WriterLock> {
  const holder = `${what} pid ${process.pid} on ${os.hostname()} (${randomUUID().slice(0, 8)})`;
  const sql = dialect(db);
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    const current = await tryTake(db, sql, holder, staleMs);
    if (current === null) break;
    if (!told) {
      onWait?.(current.holder, current.acquiredAt);
      told = true;
    }
    if (Date.now() > deadline) {
      throw new WriterLockTimeout(`another writer still holds the database: ${current.holder}`);
    }
    await sleep(POLL_MS);
  }

  let lost: WriterLockLost | null = null;
  let renewedAt = performance.now();
  const renew = (on: Statements) =>
    on.$executeRaw`UPDATE "WriterLock" SET "heartbeatAt" = ${sql.now} WHERE "name" = ${NAME} AND "holder" = ${holder}`;
  const loseTo = async (on: Statements) => {
    const rows = await on.$queryRaw<{ holder: string }[]>`SELECT "holder" FROM "WriterLock" WHERE "name" = ${NAME}`;
    return markLost(new WriterLockLost(what, rows[0]?.holder ?? null));
  };
  const markLost = (error: WriterLockLost) => {
    lost ??= error;
    clearInterval(beat);
    return lost;
  };

  // The beat never overlaps itself: in PostgreSQL it waits while a write transaction of this
  // writer holds the row.
  let beating = false;
  const heartbeat = async () => {
    if (beating || lost) return;
    beating = true;
    try {
      if ((await renew(db)) === 1) renewedAt = performance.now();
      else await loseTo(db);
    } catch (error) {
      // A failed renewal proves nothing yet; once none has worked for the stale interval,
      // another writer may rightly have taken over.
      const silentMs = performance.now() - renewedAt;
      if (silentMs >= staleMs) {
        // Prisma's messages open with where the call was made; the cause comes last.
        const reason = (error instanceof Error ? error.message : String(error)).trim().split("\n").at(-1);
        markLost(new WriterLockLost(what, null, `no heartbeat worked for ${Math.round(silentMs / 1000)} s: ${reason}`));
      }
    } finally {
      beating = false;
    }
  };
  const beat = setInterval(() => void heartbeat(), Math.min(HEARTBEAT_MS, staleMs / 3));
  beat.unref();

  return {
    holder,
    get lost() {
      return lost;
    },
    async assertHeld(tx = db) {
      if (lost) throw lost;
      if ((await renew(tx)) !== 1) throw await loseTo(tx);
      renewedAt = performance.now();
    },
    async release() {
      clearInterval(beat);
      await db.writerLock.deleteMany({ where: { name: NAME, holder } });
    },
  };
}

/** The database's clock, per provider, in the form Prisma stores DateTime columns (UTC). */
function dialect(db: Db) {
  if (isPostgresDb(db)) {
    const now = Prisma.sql`(clock_timestamp() AT TIME ZONE 'UTC')`;
    return {
      now,
      staleFor: (ms: number) => Prisma.sql`"heartbeatAt" < ${now} - (${ms}::integer * interval '1 millisecond')`,
    };
  }
  return {
    now: Prisma.sql`strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    // julianday() reads any ISO 8601 form the column may hold; it counts in days.
    staleFor: (ms: number) => Prisma.sql`julianday("heartbeatAt") < julianday('now') - ${ms} / 86400000.0`,
  };
}

/** True when the holder ran on this machine and its process is gone (killed, crashed). */
function diedHere(holder: string): boolean {
  const match = / pid (\d+) on (.+) \(/.exec(holder);
  if (!match || match[2] !== os.hostname()) return false;
  try {
    process.kill(Number(match[1]), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

type LockRow = { holder: string; acquiredAt: Date };

/** Creates the lock row, or takes over a stale one: null when this holder has it now, else who does. */
async function tryTake(db: Db, sql: ReturnType<typeof dialect>, holder: string, staleMs: number): Promise<LockRow | null> {
  // Read first, and write only to take a free or stale lock: in SQLite every write waits for
  // the holder's open transaction, and would fail once it outlasts the busy timeout.
  const [current] = await db.$queryRaw<{ holder: string; acquiredAt: Date | string; stale: number | bigint }[]>`
    SELECT "holder", "acquiredAt", CASE WHEN ${sql.staleFor(staleMs)} THEN 1 ELSE 0 END AS "stale"
    FROM "WriterLock" WHERE "name" = ${NAME}`;
  if (current) {
    const seen = { holder: current.holder, acquiredAt: new Date(current.acquiredAt) };
    // A holder is stale once its heartbeat is old by the database's clock; one of ours, as
    // soon as its process is gone.
    const dead = diedHere(current.holder);
    if (!dead && Number(current.stale) !== 1) return seen;
    // Taken only from the holder seen, and only while still stale: of two writers taking
    // over at once one wins, and a holder that renewed meanwhile keeps its lock.
    const still = dead ? Prisma.empty : Prisma.sql`AND ${sql.staleFor(staleMs)}`;
    const takenOver =
      await db.$executeRaw`UPDATE "WriterLock" SET "holder" = ${holder}, "acquiredAt" = ${sql.now}, "heartbeatAt" = ${sql.now} WHERE "name" = ${NAME} AND "holder" = ${current.holder} ${still}`;
    return takenOver === 1 ? null : seen;
  }
  // Of two writers creating it at once, one inserts the row; the other sees it taken.
  const created =
    await db.$executeRaw`INSERT INTO "WriterLock" ("name", "holder", "acquiredAt", "heartbeatAt") VALUES (${NAME}, ${holder}, ${sql.now}, ${sql.now}) ON CONFLICT ("name") DO NOTHING`;
  if (created === 1) return null;
  return (await db.writerLock.findUnique({ where: { name: NAME } })) ?? { holder: "another writer", acquiredAt: new Date() };
}

/** Runs `work` holding the writer lock; `work` fences its writes with the lock it is given. */
export async function withWriterLock<T>(
  db: Db,
  what: string,
  work: (lock: WriterLock) => Promise<T>,
  options?: WriterLockOptions,
): Promise<T> {
  const lock = await acquireWriterLock(db, what, options);
  try {
    return await work(lock);
  } finally {
    await lock.release();
  }
}
