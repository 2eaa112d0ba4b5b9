import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { embedPaper } from "@/lib/embeddings/vectors";
import { dropIndex, ensureIndex, waitFor } from "@/lib/indexing/tasks";
import { createSearchClient } from "@/lib/meilisearch/client";
import { meiliErrorCode } from "@/lib/meilisearch/errors";
import { EMBEDDER } from "@/lib/search/settings";
import { relatedFallsBack, relatedPapers } from "@/lib/search/related";

// Related papers fall back to the database only when Meilisearch cannot answer for the paper
// (down, or the paper not indexed yet). The errors here are the real server's and client's.

const indexUid = `papers_related_${process.pid}`;
// The app's own search client (used by relatedPapers) holds a key that may not search here.
Object.assign(process.env, { MEILI_URL: inject("meiliUrl"), MEILI_API_KEY: "not-the-key", MEILI_INDEX: indexUid });
const connection = (apiKey: string, host = inject("meiliUrl")) => ({ host, apiKey, local: false });
const admin = createSearchClient(connection(inject("meiliKey")), 30_000);
const similar = (client: ReturnType<typeof createSearchClient>, id: string) =>
  client.index(indexUid).searchSimilarDocuments({ id, embedder: EMBEDDER, limit: 5 });

beforeAll(async () => {
  await ensureIndex(admin, indexUid);
  const doc = (id: string, title: string, abstract: string) => ({
    id,
    title,
    _vectors: { [EMBEDDER]: embedPaper(title, abstract) },
  });
  await waitFor(
    admin,
    admin
      .index(indexUid)
      .addDocuments([
        doc("graph-pooling", "Graph pooling", "Pooling layers for graph neural networks."),
        doc("graph-coarsening", "Graph coarsening", "Coarsening graphs for graph neural networks with pooling."),
      ]),
    "add",
  );
});

afterAll(() => dropIndex(admin, indexUid));

describe("which errors make related papers fall back to the database", () => {
  it("falls back when Meilisearch is unreachable", async () => {
    const error: unknown = await similar(createSearchClient(connection("x", "http://127.0.0.1:9"), 1_000), "graph-pooling").catch(
      (e: unknown) => e,
    );
    expect(relatedFallsBack(error)).toBe(true);
  });

  it("falls back when the paper is not in the index yet", async () => {
    const error: unknown = await similar(admin, "not-indexed-yet").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(relatedFallsBack(error)).toBe(true);
  });

  it("surfaces every other error, such as a key that may not search", async () => {
    const error: unknown = await similar(createSearchClient(connection("not-the-key")), "graph-pooling").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(relatedFallsBack(error)).toBe(false);
  });

  it("lets a paper page fail loudly rather than hide a wrong key", async () => {
    const paper = { slug: "graph-pooling", title: "Graph pooling", abstract: "Pooling.", codeUrl: null, digests: [] };
    const error: unknown = await relatedPapers({ ...paper, topics: [], removedTopics: [], firstSeenAt: "" }).catch(
      (e: unknown) => e,
    );
    expect(meiliErrorCode(error)).toBe("invalid_api_key");
  });

  it("answers for an indexed paper with its neighbours", async () => {
    const result = await similar(admin, "graph-pooling");
    expect(result.hits.map((h) => h.id as string)).toEqual(["graph-coarsening"]);
  });
});
