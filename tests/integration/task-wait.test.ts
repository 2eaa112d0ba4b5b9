import { readFileSync } from "node:fs";
import { afterAll, describe, expect, inject, it, vi } from "vitest";
import { parseDigest } from "@/lib/digest";
import { dropIndex, ensureIndex, waitForTask } from "@/lib/indexing/tasks";
import { createSearchClient } from "@/lib/meilisearch/client";
import { sleep } from "@/lib/wait-until";
import { SEED_FILES } from "../support/fixtures";
import { EMBEDDER } from "@/lib/search/settings";

// Waiting for a Meilisearch task polls it until it is done. With the client's own waitTask,
// every ingest printed "MaxListenersExceededWarning: Possible EventTarget memory leak
// detected. 11 abort listeners": it reuses one abort signal for all polls of a wait and leaves
// a listener on it per poll.

const indexUid = `papers_wait_${process.pid}`;
const client = createSearchClient({ host: inject("meiliUrl"), apiKey: inject("meiliKey"), local: false }, 30_000);
afterAll(() => dropIndex(client, indexUid));

describe("waiting for a Meilisearch task", () => {
  it("polls a long task many times, each poll its own request, with no listener-leak warning", async () => {
    await ensureIndex(client, indexUid);
    // The seed papers, three times over: a task that takes many polls to finish.
    const entries = SEED_FILES.flatMap((file) => parseDigest(readFileSync(file, "utf8")).entries);
    const documents = [0, 1, 2].flatMap((copy) =>
      entries.map((e, i) => ({ id: `p${copy}-${i}`, title: e.title, abstract: e.abstract, _vectors: { [EMBEDDER]: null } })),
    );

    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    const polls = vi.spyOn(client.tasks, "getTask");
    try {
      const { taskUid } = await client.index(indexUid).addDocuments(documents, { primaryKey: "id" });
      const task = await waitForTask(client, taskUid, 1);
      expect(task.status, task.error?.message).toBe("succeeded");
      expect(polls.mock.calls.length).toBeGreaterThan(20);
      // Node emits warnings on a later tick.
      await sleep(50);
    } finally {
      process.off("warning", onWarning);
      polls.mockRestore();
    }
    expect(warnings.map((w) => `${w.name}: ${w.message}`)).toEqual([]);
  });
});
