import type { Meilisearch } from "meilisearch";
import type { Db } from "../db";
import { SearchTaskError } from "./admin";
import { indexedPapers, markIndexed, type IndexedPaper } from "./sync";

const TASK_TIMEOUT_MS = 600_000;

/**
 * Sends papers to the index while the ingest goes on storing the next files: each batch is
 * enqueued without waiting for Meilisearch to index it, so the database work and the
 * indexing overlap. A paper counts as indexed only when the last task that carried it has
 * succeeded; a failed task leaves its papers marked as not indexed, for the next run.
 */
export class IndexPipeline {
  private pending: { taskUid: number; seq: number; papers: IndexedPaper[] }[] = [];
  private latest = new Map<string, number>();
  private seq = 0;

  /** Distinct papers sent (a paper in several files is sent once per file that changes it). */
  get sent(): number {
    return this.latest.size;
  }

  constructor(
    private readonly db: Db,
    private readonly client: Meilisearch,
    private readonly uid: string,
    private readonly maxInFlight = 6,
  ) {}

  /** Queues the given papers (those not indexed since they changed) for the index. */
  async enqueue(paperIds: string[]): Promise<void> {
    for await (const papers of indexedPapers(this.db, paperIds, true)) {
      const task = await this.client.index(this.uid).addDocuments(papers.map((p) => p.document), { primaryKey: "id" });
      const seq = ++this.seq;
      for (const p of papers) this.latest.set(p.id, seq);
      this.pending.push({ taskUid: task.taskUid, seq, papers });
      while (this.pending.length > this.maxInFlight) await this.settle(this.pending.shift()!);
    }
  }

  /**
   * The database changed these papers again: a task already queued for them no longer holds
   * their latest version, so it must not mark them indexed (they will be queued again).
   */
  invalidate(paperIds: string[]): void {
    for (const id of paperIds) if (this.latest.has(id)) this.latest.set(id, 0);
  }

  /** Waits for every queued task. */
  async flush(): Promise<void> {
    while (this.pending.length) await this.settle(this.pending.shift()!);
  }

  private async settle(entry: { taskUid: number; seq: number; papers: IndexedPaper[] }): Promise<void> {
    const task = await this.client.tasks.waitForTask(entry.taskUid, { timeout: TASK_TIMEOUT_MS, interval: 50 });
    if (task.status !== "succeeded") {
      throw new SearchTaskError(`Meilisearch could not store ${entry.papers.length} papers: ${task.error?.message ?? task.status}`);
    }
    // A paper sent again by a later task is marked by that task.
    await markIndexed(this.db, entry.papers.filter((p) => this.latest.get(p.id) === entry.seq));
  }
}
