import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles } from "@/lib/ingest/ingest";
import { SearchTaskError } from "@/lib/indexing/tasks";
import type { PaperDocument } from "@/lib/indexing/document";
import { IndexPipeline } from "@/lib/indexing/pipeline";
import { indexedPapers, sendDirty } from "@/lib/indexing/sync";
import { SEED_FILES } from "../support/fixtures";
import { createTestEnv } from "../support/test-env";
import { EMBEDDER } from "@/lib/search/settings";

const env = await createTestEnv("pipeline");

beforeAll(async () => {
  await ingestFiles({ db: env.db, search: env.search, indexUid: env.indexUid }, { files: SEED_FILES.slice(0, 1) });
});
afterAll(() => env.cleanup());

async function threePapers() {
  const papers = await env.db.paper.findMany({ orderBy: { id: "asc" }, take: 3, select: { id: true, slug: true } });
  await env.db.paper.updateMany({ where: { id: { in: papers.map((p) => p.id) } }, data: { indexedHash: null } });
  return papers;
}

describe("the index pipeline", () => {
  it("does not mark a paper indexed when it changed again after its task was queued", async () => {
    const [a, b, changed] = await threePapers();
    const pipeline = new IndexPipeline(env.db, env.search, env.indexUid);
    await pipeline.enqueue([a!.id, b!.id, changed!.id]);
    // Another file rewrites one paper while the task is still queued or running.
    await env.db.paper.update({ where: { id: changed!.id }, data: { title: "A title changed meanwhile", indexedHash: null } });
    pipeline.invalidate([changed!.id]);
    await pipeline.flush();

    const rows = await env.db.paper.findMany({ where: { id: { in: [a!.id, b!.id, changed!.id] } } });
    const hashOf = new Map<string, string>();
    for await (const batch of indexedPapers(env.db, [a!.id, b!.id, changed!.id])) for (const p of batch) hashOf.set(p.id, p.hash);
    for (const row of rows) {
      if (row.id === changed!.id) expect(row.indexedHash).toBeNull();
      else expect(row.indexedHash).toBe(hashOf.get(row.id));
    }

    // The next catch-up sends it, and the index gets the newest title.
    expect(await sendDirty(env.db, env.search, env.indexUid)).toBe(1);
    const doc = await env.search.index<PaperDocument>(env.indexUid).getDocument(changed!.slug);
    expect(doc.title).toBe("A title changed meanwhile");
    expect((await env.db.paper.findUniqueOrThrow({ where: { id: changed!.id } })).indexedHash).toBe(doc.hash);
  });

  it("reports a task Meilisearch rejects and leaves its papers marked as not indexed", async () => {
    const papers = await threePapers();
    const pipeline = new IndexPipeline(env.db, env.search, env.indexUid);
    const batch: Awaited<ReturnType<typeof collect>> = await collect(papers.map((p) => p.id));
    // A vector of the wrong size: accepted as a task, refused when indexed.
    batch[0]!.document = { ...batch[0]!.document, _vectors: { [EMBEDDER]: [0.5, 0.5] } };
    await pipeline.send(batch);
    await expect(pipeline.flush()).rejects.toBeInstanceOf(SearchTaskError);
    const rows = await env.db.paper.findMany({ where: { id: { in: papers.map((p) => p.id) } } });
    expect(rows.map((r) => r.indexedHash)).toEqual([null, null, null]);
  });
});

async function collect(ids: string[]) {
  const all = [];
  for await (const batch of indexedPapers(env.db, ids)) all.push(...batch);
  return all;
}
