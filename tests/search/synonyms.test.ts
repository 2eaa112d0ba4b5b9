import { describe, expect, it } from "vitest";
import { STOP_WORDS } from "@/lib/search/stop-words";
import { buildSynonyms, SYNONYMS } from "@/lib/search/synonyms";
import { reciprocalRank, scoreByKind } from "@/scripts/eval/known-item-metrics";

describe("synonyms", () => {
  it("link acronyms and their spelled-out forms both ways, singular and plural", () => {
    expect(buildSynonyms([["llm", "large language model"]])).toEqual({
      llm: ["large language model"],
      "large language model": ["llm"],
      llms: ["large language models"],
      "large language models": ["llms"],
    });
    expect(SYNONYMS.moe).toEqual(["mixture of experts"]);
    expect(SYNONYMS["parameter efficient fine tuning"]).toEqual(["peft"]);
  });

  it("keep every word of a multi-word synonym out of the stop words", () => {
    for (const phrase of Object.keys(SYNONYMS)) {
      for (const word of phrase.split(" ")) expect(STOP_WORDS).not.toContain(word);
    }
    expect(STOP_WORDS).toContain("the");
  });
});

describe("known-item metrics", () => {
  it("computes reciprocal rank within the first ten", () => {
    expect(reciprocalRank(["a", "b", "c"], "b")).toBe(0.5);
    expect(reciprocalRank(["a"], "z")).toBe(0);
    expect(
      reciprocalRank(
        Array.from({ length: 20 }, (_, i) => `p${i}`),
        "p12",
      ),
    ).toBe(0);
  });

  it("averages MRR and success@1 per kind and overall", () => {
    const scores = scoreByKind([
      { kind: "typos", results: ["x"], target: "x" },
      { kind: "typos", results: ["y", "x"], target: "x" },
      { kind: "acronyms", results: [], target: "x" },
    ]);
    expect(scores).toEqual([
      { kind: "typos", queries: 2, mrr: 0.75, successAt1: 0.5 },
      { kind: "acronyms", queries: 1, mrr: 0, successAt1: 0 },
      { kind: "all", queries: 3, mrr: 0.5, successAt1: 1 / 3 },
    ]);
  });
});
