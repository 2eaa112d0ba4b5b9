import { afterAll, describe, expect, it } from "vitest";
import { ingestFiles } from "@/lib/ingest/ingest";
import { waitFor } from "@/lib/indexing/tasks";
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
    expect(Object.keys(settings.embedders ?? {})).toEqual(["tfidf"]);
    const anyPaper = await env.db.paper.findFirstOrThrow();
    expect(await similarToPaper(anyPaper.slug, 3)).toHaveLength(3);
  });
});
