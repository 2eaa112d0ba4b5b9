import { afterAll, describe, expect, it } from "vitest";
import { ingestFiles } from "@/lib/ingest/ingest";
import { compareIndex } from "@/lib/indexing/sync";
import { dropIndex, waitFor } from "@/lib/indexing/tasks";
import { DIMENSIONS } from "@/lib/embeddings/vectors";
import { EMBEDDER } from "@/lib/search/settings";
import { similarToPaper } from "@/lib/search/similar";
import { SEED_FILES } from "../support/fixtures";
import { createTestEnv } from "../support/test-env";

const env = await createTestEnv("upgrade");
afterAll(() => env.cleanup());

describe("an index built by an older version", () => {
  it("is rebuilt from the database when the new settings do not fit its documents", async () => {
    // An index as the first version left it: documents without vectors, no embedder.
    await waitFor(env.search, env.search.createIndex(env.indexUid, { primaryKey: "id" }), "create");
    await waitFor(env.search, env.search.index(env.indexUid).addDocuments([{ id: "old-paper", title: "Old" }]), "add");

    const summary = await ingestFiles(
      { db: env.db, search: env.search, indexUid: env.indexUid },
      { files: SEED_FILES.slice(0, 1) },
    );
    expect(summary.indexError).toBeNull();
    expect(summary.indexed).toBe(82);

    const stats = await env.search.index(env.indexUid).getStats();
    expect(stats.numberOfDocuments).toBe(82);
    const settings = await env.search.index(env.indexUid).getSettings();
    expect(Object.keys(settings.embedders ?? {})).toEqual([EMBEDDER]);
    const anyPaper = await env.db.paper.findFirstOrThrow();
    expect(await similarToPaper(anyPaper.slug, 3)).toHaveLength(3);
  });

  it("holding the 384-d vectors of the old text embedder gets the new vectors at the next ingest of unchanged files", async () => {
    const targets = { db: env.db, search: env.search, indexUid: env.indexUid };
    const files = SEED_FILES.slice(0, 1);
    await ingestFiles(targets, { files });
    // The index as the previous version left it: its "tfidf" embedder of 384 dimensions, every
    // paper with such a vector, and the database's papers marked as indexed in that version.
    const papers = (await env.search.index(env.indexUid).getDocuments({ limit: 1_000 })).results;
    await dropIndex(env.search, env.indexUid);
    await waitFor(env.search, env.search.createIndex(env.indexUid, { primaryKey: "id" }), "create");
    const index = env.search.index(env.indexUid);
    await waitFor(
      env.search,
      index.updateSettings({ embedders: { tfidf: { source: "userProvided", dimensions: 384 } } }),
      "settings",
    );
    const oldVector = (seed: number) => Array.from({ length: 384 }, (_, i) => Math.round(Math.sin(seed + i) * 1000) / 1000);
    await waitFor(
      env.search,
      index.addDocuments(
        papers.map(({ _vectors: _new, ...doc }, i) => ({ ...doc, hash: `old-${i}`, _vectors: { tfidf: oldVector(i) } })),
      ),
      "add old documents",
    );
    await env.db.paper.updateMany({ data: { indexedHash: "old" } });

    const summary = await ingestFiles(targets, { files });
    expect(summary.indexError).toBeNull();
    expect(summary.newPapers + summary.updatedPapers).toBe(0);

    const settings = await index.getSettings();
    expect(settings.embedders).toEqual({ [EMBEDDER]: { source: "userProvided", dimensions: DIMENSIONS } });
    const stored = await index.getDocuments({ limit: 1_000, retrieveVectors: true });
    expect(stored.results).toHaveLength(papers.length);
    for (const doc of stored.results) {
      const vectors = doc._vectors as Record<string, { embeddings: number[][] }>;
      expect(Object.keys(vectors)).toEqual([EMBEDDER]);
      expect(vectors[EMBEDDER]!.embeddings[0]).toHaveLength(DIMENSIONS);
    }
    const drift = await compareIndex(env.db, env.search, env.indexUid);
    expect({ missing: drift.missing, extra: drift.extra, stale: drift.stale }).toEqual({ missing: [], extra: [], stale: [] });
    const anyPaper = await env.db.paper.findFirstOrThrow();
    expect(await similarToPaper(anyPaper.slug, 3)).toHaveLength(3);
  });
});
