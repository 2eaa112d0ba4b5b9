import type { EnqueuedTask, Meilisearch, Settings, Task } from "meilisearch";
import type { PaperDocument } from "./document";
import { meiliErrorCode } from "../meilisearch/errors";
import { EMBEDDER, FIRST_SEEN_ATTRIBUTE, PAPERS_INDEX_SETTINGS } from "../search/settings";
import { waitUntil } from "../wait-until";

// Writes to the index. Every write is a task that can fail on the server after it was
// accepted, so each one is awaited and its status checked.

export class SearchTaskError extends Error {}

/** How long a write may wait for Meilisearch to finish its task (large batches take minutes). */
export const TASK_TIMEOUT_MS = 600_000;
const BATCH_SIZE = 5_000;

/**
 * Polls a task until Meilisearch has finished it (succeeded, failed or canceled). Each poll is
 * a request of its own with the client's timeout. (The client's own waitTask/waitForTask pass
 * one abort signal to every poll and leave a listener on it per request: past ten polls, Node
 * warns of a memory leak on every ingest.)
 */
export async function waitForTask(
  client: Meilisearch,
  taskUid: number,
  intervalMs = 25,
  maxIntervalMs = intervalMs,
): Promise<Task> {
  return waitUntil(
    async () => {
      const task = await client.tasks.getTask(taskUid);
      return task.status === "enqueued" || task.status === "processing" ? undefined : task;
    },
    { timeoutMs: TASK_TIMEOUT_MS, intervalMs, maxIntervalMs, what: `Meilisearch to finish task ${taskUid}` },
  );
}

/** Waits for a write's task and throws a SearchTaskError unless it succeeded. */
export async function waitFor(client: Meilisearch, task: Promise<EnqueuedTask>, what: string): Promise<Task> {
  const done = await waitForTask(client, (await task).taskUid);
  if (done.status !== "succeeded") {
    throw new SearchTaskError(`Meilisearch could not ${what}: ${done.error?.message ?? done.status}`);
  }
  return done;
}

/**
 * Fields the documents gained after indexes had been built without them. Their papers are
 * marked as indexed already, so no ingest would send them again: an index whose documents
 * lack one of these is rebuilt from the database.
 */
const ADDED_FIELDS = [FIRST_SEEN_ATTRIBUTE];

/**
 * Creates the index when missing and applies the settings the code defines. Some setting
 * changes cannot be applied to the documents already there (a new embedder needs vectors that
 * old documents lack), and documents indexed by an older Paperdex may lack a field filters
 * need (ADDED_FIELDS): either fails with a SearchTaskError, and the caller rebuilds.
 */
export async function ensureIndex(client: Meilisearch, uid: string, applySettings = true): Promise<void> {
  const exists = await client
    .index(uid)
    .getRawInfo()
    .then(() => true)
    .catch((error: unknown) => {
      if (meiliErrorCode(error) === "index_not_found") return false;
      throw error;
    });
  if (!exists) await waitFor(client, client.createIndex(uid, { primaryKey: "id" }), `create the index "${uid}"`);
  if (applySettings) {
    await waitFor(client, client.index(uid).updateSettings(await settingsFor(client, uid)), `apply the settings of "${uid}"`);
    // A filter, not the index stats: an admin-class key need not have "stats.get".
    const lacking: string[] = [];
    for (const field of ADDED_FIELDS) {
      const { results } = await client.index(uid).getDocuments({ filter: `${field} NOT EXISTS`, fields: ["id"], limit: 1 });
      if (results.length > 0) lacking.push(field);
    }
    if (lacking.length > 0) {
      throw new SearchTaskError(`documents of "${uid}" lack ${lacking.join(", ")} (indexed by an older Paperdex)`);
    }
  }
}

/**
 * The settings to apply, removing the embedders of older text vectors. Meilisearch would keep
 * them (settings are merged), and would accept another dimension under an old name while
 * keeping the old vectors: a new table gets a new embedder instead, which documents already
 * in the index lack, so the update fails and the caller rebuilds from the database.
 */
async function settingsFor(client: Meilisearch, uid: string): Promise<Settings> {
  const current = (await client.index(uid).getEmbedders()) ?? {};
  const stale = Object.keys(current).filter((name) => name !== EMBEDDER);
  if (stale.length === 0) return PAPERS_INDEX_SETTINGS;
  return {
    ...PAPERS_INDEX_SETTINGS,
    embedders: { ...Object.fromEntries(stale.map((name) => [name, null])), ...PAPERS_INDEX_SETTINGS.embedders },
  };
}

/**
 * Stores documents in tasks of BATCH_SIZE, all enqueued before any is awaited: Meilisearch
 * merges the tasks waiting in its queue into large batches, which it indexes much faster than
 * one task at a time. Reports progress as tasks finish; resolves once every one has succeeded.
 */
export async function upsertDocuments(
  client: Meilisearch,
  uid: string,
  documents: PaperDocument[] | AsyncIterable<PaperDocument[]>,
  onBatch?: (sent: number) => void,
): Promise<void> {
  const tasks: { taskUid: number; size: number }[] = [];
  let buffer: PaperDocument[] = [];
  const enqueue = async () => {
    if (buffer.length === 0) return;
    const task = await client.index(uid).addDocuments(buffer, { primaryKey: "id" });
    tasks.push({ taskUid: task.taskUid, size: buffer.length });
    buffer = [];
  };
  const batches = Array.isArray(documents) ? [documents] : documents;
  for await (const batch of batches) {
    for (const doc of batch) {
      buffer.push(doc);
      if (buffer.length >= BATCH_SIZE) await enqueue();
    }
  }
  await enqueue();
  let indexed = 0;
  for (const { taskUid, size } of tasks) {
    const done = await waitForTask(client, taskUid);
    if (done.status !== "succeeded") {
      throw new SearchTaskError(`Meilisearch could not store ${size} papers: ${done.error?.message ?? done.status}`);
    }
    indexed += size;
    onBatch?.(indexed);
  }
}

export async function deleteDocuments(client: Meilisearch, uid: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await waitFor(client, client.index(uid).deleteDocuments(ids), `delete ${ids.length} papers`);
}

/**
 * Rebuilds the index without a moment of empty results: fill `<uid>_rebuild`, swap it with
 * the live index in one atomic task, then drop the old copy.
 */
export async function rebuildIndex(client: Meilisearch, uid: string, fill: (staging: string) => Promise<void>): Promise<void> {
  const staging = `${uid}_rebuild`;
  await dropIndex(client, staging);
  await ensureIndex(client, staging);
  await fill(staging);
  // The live index only has to exist for the swap; it takes the staging copy's settings.
  await ensureIndex(client, uid, false);
  await waitFor(client, client.swapIndexes([{ indexes: [uid, staging] } as never]), `swap "${staging}" into "${uid}"`);
  await dropIndex(client, staging);
}

/** Deletes an index and waits until it is gone; a missing index is not an error. */
export async function dropIndex(client: Meilisearch, uid: string): Promise<void> {
  const task = await waitForTask(client, (await client.deleteIndex(uid)).taskUid);
  if (task.status !== "succeeded" && task.error?.code !== "index_not_found") {
    throw new SearchTaskError(`Meilisearch could not delete the index "${uid}": ${task.error?.message ?? task.status}`);
  }
}
