import { describe, expect, it } from "vitest";
import { MEILI_STOP_WORDS } from "@/lib/search/stop-words";
import { buildSynonyms, SYNONYM_PAIRS, SYNONYMS, type SynonymPair } from "@/lib/search/synonyms";
import { reciprocalRank, scoreByKind } from "@/scripts/eval/known-item-metrics";

const pair = (short: string, long: string, plural: [string, string] | null): SynonymPair => ({
  short,
  long,
  plural: plural && { short: plural[0], long: plural[1] },
});

// Plural forms that a rule appending "s" produced: none may come back.
const JUNK = [
  "mixture of expertss",
  "mixture of expertses",
  "chain of thoughts",
  "markov decision processs",
  "in context learnings",
  "reinforcement learnings",
  "natural language processings",
  "knowledge distillations",
  "out of distributions",
  "retrieval augmented generations",
  "computer visions",
  "text to images",
  "neural architecture searchs",
  "visual question answerings",
  "icls",
  "rls",
  "nlps",
  "cvs",
  "kds",
  "oods",
  "rags",
  "pefts",
  "nass",
  "t2is",
];

describe("synonyms", () => {
  const terms = [...new Set([...Object.keys(SYNONYMS), ...Object.values(SYNONYMS).flat()])];

  it("link acronyms and their spelled-out forms both ways, singular with singular and plural with plural", () => {
    expect(buildSynonyms([pair("llm", "large language model", ["llms", "large language models"])])).toEqual({
      llm: ["large language model"],
      "large language model": ["llm"],
      llms: ["large language models"],
      "large language models": ["llms"],
    });
    expect(buildSynonyms([pair("icl", "in context learning", null)])).toEqual({
      icl: ["in context learning"],
      "in context learning": ["icl"],
    });
    expect(SYNONYMS.moe).toEqual(["mixture of experts"]);
    expect(SYNONYMS["parameter efficient fine tuning"]).toEqual(["peft"]);
  });

  it("pluralise the head noun of the spelled-out form", () => {
    expect(SYNONYMS.moes).toEqual(["mixtures of experts"]);
    expect(SYNONYMS["mixtures of experts"]).toEqual(["moes"]);
    expect(SYNONYMS["chains of thought"]).toEqual(["cots"]);
    expect(SYNONYMS["large language models"]).toEqual(["llms"]);
    expect(SYNONYMS["graph neural networks"]).toEqual(["gnns"]);
    expect(SYNONYMS["markov decision processes"]).toEqual(["mdps"]);
    expect(SYNONYMS.vits).toEqual(["vision transformers"]);
  });

  it("give no plural to terms that have none", () => {
    for (const term of [
      "in context learning",
      "reinforcement learning",
      "natural language processing",
      "knowledge distillation",
      "out of distribution",
      "retrieval augmented generation",
      "computer vision",
      "text to image",
    ]) {
      const entry = SYNONYM_PAIRS.find((p) => p.long === term);
      expect(entry).toMatchObject({ plural: null });
      expect(terms).not.toContain(`${term}s`);
      expect(terms).not.toContain(`${entry!.short}s`);
    }
  });

  it("contain no junk form anywhere in the generated list", () => {
    expect(terms.filter((t) => JUNK.includes(t))).toEqual([]);
    // "process" is the one word that ends in a double s; anything else is an "s" too many.
    expect(terms.filter((t) => t.split(" ").some((w) => w.endsWith("ss") && w !== "process"))).toEqual([]);
  });

  it("write plurals that differ from the singular in one word, and acronym plurals as the acronym and an s", () => {
    for (const { short, long, plural } of SYNONYM_PAIRS) {
      if (!plural) continue;
      expect(plural.short).toBe(`${short}s`);
      const [singular, plurals] = [long.split(" "), plural.long.split(" ")];
      expect(plurals).toHaveLength(singular.length);
      expect(singular.filter((w, i) => w !== plurals[i])).toHaveLength(1);
    }
  });

  it("keep every word of a multi-word synonym out of the stop words", () => {
    for (const phrase of Object.keys(SYNONYMS)) {
      for (const word of phrase.split(" ")) expect(MEILI_STOP_WORDS).not.toContain(word);
    }
    expect(MEILI_STOP_WORDS).toContain("the");
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
