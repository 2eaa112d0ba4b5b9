import { randomUUID } from "node:crypto";
import os from "node:os";
import type { Db } from "../db";

// One writer at a time (ingest, reindex), across every process and machine that shares the
// database: two ingests of overlapping files would otherwise race on the same papers, and
// their index tasks could land in the other order than their database writes.

const NAME = "writer";
const HEARTBEAT_MS = 5_000;
/** A holder silent this long has died (killed, machine lost): its lock may be taken over. */
const STALE_MS = 30_000;
const POLL_MS = 500;

export interface WriterLock {
  holder: string;
  release(): Promise<void>;
}

export class WriterLockTimeout extends Error {}

/**
 * Takes the writer lock, waiting while another live writer holds it (`onWait` is told who,
 * once). Gives up after `timeoutMs`. The lock is kept alive by a heartbeat until released.
 */
export async function acquireWriterLock(
  db: Db,
  what: string,
  { timeoutMs = 30 * 60_000, onWait }: { timeoutMs?: number; onWait?: (holder: string, since: Date) => void } = {},
): Promise<WriterLock> {
  const holder = `${what} pid ${process.pid} on ${os.hostname()} (${randomUUID().slice(0, 8)})`;
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    const current = await tryTake(db, holder);
    if (current === null) break;
    if (!told) {
      onWait?.(current.holder, current.acquiredAt);
      told = true;
    }
    if (Date.now() > deadline) {
      throw new WriterLockTimeout(`another writer still holds the database: ${current.holder}`);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  const beat = setInterval(() => {
    db.writerLock.updateMany({ where: { name: NAME, holder }, data: { heartbeatAt: new Date() } }).catch(() => {});
  }, HEARTBEAT_MS);
  beat.unref();
  return {
    holder,
    async release() {
      clearInterval(beat);
      await db.writerLock.deleteMany({ where: { name: NAME, holder } });
    },
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
async function tryTake(db: Db, holder: string): Promise<LockRow | null> {
  const now = new Date();
  const current = await db.writerLock.findUnique({ where: { name: NAME } });
  if (current) {
    // Another machine's holder is stale once its heartbeat stops; one of ours, as soon as its process is gone.
    const stale = current.heartbeatAt.getTime() < now.getTime() - STALE_MS || diedHere(current.holder);
    if (!stale) return current;
    const takenOver = await db.writerLock.updateMany({
      where: { name: NAME, holder: current.holder },
      data: { holder, acquiredAt: now, heartbeatAt: now },
    });
    return takenOver.count === 1 ? null : current;
  }
  try {
    await db.writerLock.create({ data: { name: NAME, holder, acquiredAt: now, heartbeatAt: now } });
    return null;
  } catch (error) {
    // Another writer created it first: report it (or a placeholder if it is already gone).
    if ((error as { code?: string }).code !== "P2002") throw error;
    return (await db.writerLock.findUnique({ where: { name: NAME } })) ?? { holder: "another writer", acquiredAt: now };
  }
}

/** Runs `work` holding the writer lock. */
export async function withWriterLock<T>(
  db: Db,
  what: string,
  work: () => Promise<T>,
  options?: Parameters<typeof acquireWriterLock>[2],
): Promise<T> {
  const lock = await acquireWriterLock(db, what, options);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}
