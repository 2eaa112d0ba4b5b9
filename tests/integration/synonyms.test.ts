import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ingestFiles } from "@/lib/ingest/ingest";
import { waitFor } from "@/lib/indexing/tasks";
import { searchParamsSchema } from "@/lib/search/params";
import { searchPapers } from "@/lib/search/search";
import { SYNONYMS } from "@/lib/search/synonyms";
import { renderDigest } from "@/scripts/lib/corpus-render";
import { createTestEnv } from "../support/test-env";

// The synonyms as the real Meilisearch applies them: an index made with older settings gets
// the current ones at the next ingest, and a plural spelled out finds the plural acronym.

const env = await createTestEnv("synonyms");
afterAll(() => env.cleanup());

const search = async (q: string) => (await searchPapers(searchParamsSchema.parse({ q }))).hits.map((h) => h.title);

describe("synonyms in the index", () => {
  it("replace an older index's synonyms at the next ingest, and match plurals with plurals", async () => {
    // An index as an older version left it, with the junk plurals it generated.
    await waitFor(env.search, env.search.createIndex(env.indexUid, { primaryKey: "id" }), "create");
    await waitFor(
      env.search,
      env.search.index(env.indexUid).updateSettings({
        synonyms: { moes: ["mixture of expertss"], "mixture of expertss": ["moes"], icls: ["in context learnings"] },
      }),
      "apply old synonyms",
    );

    const file = path.join(env.dir, "000_synonyms.txt");
    const paper = (title: string, abstract: string) => ({ id: title, title, abstract, date: "2025-03-18" });
    writeFileSync(
      file,
      renderDigest("Mar 18", [
        // Each says its term one way only: "MoEs", "chains of thought", "CoTs".
        paper(
          "Load Balancing for Sparse MoEs",
          "Sparse MoEs route each token to a few feed-forward blocks. We balance the load across them with a learned router.",
        ),
        paper(
          "Prompting with Chains of Thought",
          "We prompt models with chains of thought before they answer. Accuracy improves on arithmetic.",
        ),
        paper("Distilling Long CoTs", "We distil long CoTs into short ones. The student keeps most accuracy."),
        paper(
          "Protein Folding with Diffusion",
          "We fold proteins with a diffusion model. It beats earlier methods on two benchmarks.",
        ),
      ]),
    );
    const summary = await ingestFiles({ db: env.db, search: env.search, indexUid: env.indexUid }, { files: [file] });
    expect(summary).toMatchObject({ failedFiles: 0, newPapers: 4, indexed: 4, indexError: null });

    const { synonyms } = await env.search.index(env.indexUid).getSettings();
    expect(synonyms).toEqual(SYNONYMS);
    expect(Object.keys(synonyms ?? {})).not.toContain("mixture of expertss");
    expect(Object.keys(synonyms ?? {})).not.toContain("icls");

    // Plural with plural: the spelled-out plural finds the acronym's, and back.
    expect(await search("chains of thought")).toEqual(["Prompting with Chains of Thought", "Distilling Long CoTs"]);
    expect((await search("cots")).sort()).toEqual(["Distilling Long CoTs", "Prompting with Chains of Thought"]);
    expect(await search("mixtures of experts")).toEqual(["Load Balancing for Sparse MoEs"]);
  });
});
