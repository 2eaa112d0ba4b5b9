import type { Meilisearch, Task } from "meilisearch";
import type { Db } from "../db";
import { SearchTaskError, waitForTask } from "./tasks";
import { indexedPapers, markIndexed, type IndexedPaper } from "./sync";
import type { WriterFence } from "../ingest/writer-lock";
import { sleep } from "../wait-until";

/** The longest interval between two polls of a task: how late the end of the last task may be noticed. */
const POLL_MAX_MS = 400;

interface Sent {
  taskUid: number;
  seq: number;
  /** What the task carried: enough to mark the papers indexed, not the documents themselves. */
  papers: { id: string; hash: string }[];
}

/**
 * Sends papers to the index while the ingest goes on storing the next files. Tasks are
 * enqueued without waiting: Meilisearch merges the tasks that queue up while it is busy into
 * one large batch, which it indexes much faster than many small ones, and it works on one
 * core while this process stores the next files on the other.
 *
 * A background loop waits for the tasks in order; papers are marked indexed by `markFinished`,
 * which the caller runs between its own database writes, so marking never races a write that
 * changes the same paper again. A paper counts as indexed only when the last task that
 * carried it has succeeded; a failed task leaves its papers marked as not indexed.
 *
 * With a writer's `fence`, every task is sent and every paper marked only while the writer
 * still holds the lock (WriterLockLost otherwise).
 */
export class IndexPipeline {
  private latest = new Map<string, number>();
  private seq = 0;
  private finished: { sent: Sent; task: Task }[] = [];
  private waiting: Promise<void> = Promise.resolve();
  private waitError: Error | null = null;
  private inFlight = 0;
  /** Papers in tasks sent and not yet marked. */
  private unmarked = 0;

  /** Distinct papers sent (a paper in several files is sent once per file that changes it). */
  get sent(): number {
    return this.latest.size;
  }

  /** No task of this pipeline is waiting to be indexed. */
  get idle(): boolean {
    return this.inFlight === 0;
  }

  constructor(
    private readonly db: Db,
    private readonly client: Meilisearch,
    private readonly uid: string,
    private readonly fence?: WriterFence,
  ) {}

  /** Queues the given papers (those not indexed since they changed) for the index, as one task. */
  async enqueue(paperIds: string[]): Promise<void> {
    const papers: IndexedPaper[] = [];
    for await (const batch of indexedPapers(this.db, paperIds, true)) papers.push(...batch);
    if (papers.length > 0) await this.send(papers);
  }

  /** Sends these documents as one task, without waiting for it. */
  async send(papers: IndexedPaper[]): Promise<void> {
    await this.fence?.assertHeld();
    const task = await this.client.index(this.uid).addDocuments(
      papers.map((p) => p.document),
      { primaryKey: "id" },
    );
    const sent: Sent = { taskUid: task.taskUid, seq: ++this.seq, papers: papers.map((p) => ({ id: p.id, hash: p.hash })) };
    for (const p of papers) this.latest.set(p.id, sent.seq);
    this.inFlight++;
    this.unmarked += papers.length;
    this.waiting = this.waiting.then(async () => {
      try {
        if (this.waitError) return;
        // A task of a few thousand documents takes seconds: polled at 50 ms at first, then
        // less often (each poll costs both processes CPU that the indexing could use).
        const done = await waitForTask(this.client, sent.taskUid, 50, POLL_MAX_MS);
        this.finished.push({ sent, task: done });
      } catch (error) {
        this.waitError = error instanceof Error ? error : new Error(String(error));
      } finally {
        this.inFlight--;
      }
    });
  }

  /**
   * The database changed these papers again: a task already queued for them no longer holds
   * their latest version, so it must not mark them indexed (they will be queued again).
   */
  invalidate(paperIds: string[]): void {
    for (const id of paperIds) if (this.latest.has(id)) this.latest.set(id, 0);
  }

  /** Records the papers of every finished task as indexed; throws if a task failed. */
  async markFinished(): Promise<void> {
    const finished = this.finished;
    this.finished = [];
    for (const { sent, task } of finished) {
      this.unmarked -= sent.papers.length;
      if (task.status !== "succeeded") {
        throw new SearchTaskError(
          `Meilisearch could not store ${sent.papers.length} papers: ${task.error?.message ?? task.status}`,
        );
      }
      // A paper sent again by a later task is marked by that task.
      await markIndexed(
        this.db,
        sent.papers.filter((p) => this.latest.get(p.id) === sent.seq),
        this.fence,
      );
    }
    if (this.waitError) throw this.waitError;
  }

  /** Waits for every queued task and marks its papers, reporting how many of them are indexed. */
  async flush(onProgress?: (indexed: number, total: number) => void): Promise<void> {
    const total = this.unmarked;
    while (this.inFlight > 0 || this.finished.length > 0) {
      await this.markFinished();
      if (total > 0) onProgress?.(total - this.unmarked, total);
      // Checks the in-process queue, not the server: cheap enough to do often.
      if (this.inFlight > 0 && this.finished.length === 0) await sleep(100);
    }
    await this.markFinished();
  }
}
