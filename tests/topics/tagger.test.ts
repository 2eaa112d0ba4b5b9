import path from "node:path";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import { describe, expect, it } from "vitest";
import { normalizeTitle, parseDigest } from "@/lib/digest";
import { loadTopicConfig, TopicConfigError } from "@/lib/topics/load";
import { createTagger, normalizeForMatching } from "@/lib/topics/tagger";
import type { TopicRules } from "@/lib/topics/rules";
import { SEED_FILES } from "../support/fixtures";

const RULES: TopicRules = {
  version: 1,
  threshold: 4,
  relativeThreshold: 0,
  titleBoost: 2,
  maxTopics: 2,
  fallbackMinimum: 1,
  topics: {
    "generative-models": { "diffusion model": 4, gan: 3 },
    "model-compression": { "pruning|pruned": 4, quantization: 4, "not pruning": -8 },
    "large-language-models": { "language model": 3 },
    "vision-language": { "vision language model": 5 },
    reasoning: { reasoning: 2 },
    "graph-learning": { graph: 1 },
  },
};

describe("createTagger", () => {
  const tagger = createTagger(RULES);

  it("scores phrases, plurals and hyphen variants, boosting the title", () => {
    const [top] = tagger.tag("Faster Diffusion-Models", "We prune diffusion models.");
    expect(top).toEqual({
      slug: "generative-models",
      score: 4 * 2 + 4,
      evidence: [
        { phrase: "diffusion model", field: "title", weight: 8 },
        { phrase: "diffusion model", field: "abstract", weight: 4 },
      ],
    });
  });

  it("counts a phrase once per field", () => {
    expect(tagger.tag("X", "GAN GAN GANs gan")).toEqual([
      { slug: "generative-models", score: 3, evidence: [{ phrase: "gan", field: "abstract", weight: 3 }] },
    ]);
  });

  it("counts the variants of one rule once per field", () => {
    expect(tagger.tag("X", "Pruning. We pruned it. More pruning.")).toEqual([
      { slug: "model-compression", score: 4, evidence: [{ phrase: "pruning", field: "abstract", weight: 4 }] },
    ]);
  });

  it("credits a topic whose phrase sits inside another topic's longer match", () => {
    const topics = tagger.tag("X", "A vision-language model for charts.");
    expect(topics.map((t) => [t.slug, t.score])).toEqual([["vision-language", 5]]);
    const loose = createTagger({ ...RULES, threshold: 1 }).tag("X", "A vision-language model for charts.");
    expect(loose.find((t) => t.slug === "large-language-models")?.evidence).toEqual([
      { phrase: "language model", field: "abstract", weight: 3 },
    ]);
  });

  it("drops topics far behind the paper's main topic when asked to", () => {
    const relative = createTagger({ ...RULES, relativeThreshold: 0.5 });
    const text = "Diffusion models. Quantization.";
    expect(tagger.tag("Diffusion models", text).map((t) => t.slug)).toEqual(["generative-models", "model-compression"]);
    expect(relative.tag("Diffusion models", text).map((t) => t.slug)).toEqual(["generative-models"]);
  });

  it("matches whole words only", () => {
    expect(tagger.tag("Organic chemistry", "Oganesson and organs.")).toEqual([]);
  });

  it("applies negative phrases", () => {
    expect(tagger.tag("X", "This is about pruning, or rather not pruning.").map((t) => t.slug)).not.toContain(
      "model-compression",
    );
  });

  it("keeps at most maxTopics, best first", () => {
    const topics = tagger.tag("Pruning quantization", "Diffusion models with pruning and quantization. Reasoning.");
    expect(topics.map((t) => t.slug)).toEqual(["model-compression", "generative-models"]);
  });

  it("falls back to the single best topic under the threshold", () => {
    expect(tagger.tag("X", "On reasoning.").map((t) => [t.slug, t.score])).toEqual([["reasoning", 2]]);
  });

  it("returns nothing when no phrase matches", () => {
    expect(tagger.tag("Nothing", "Here at all.")).toEqual([]);
  });

  it("normalizes text for matching", () => {
    expect(normalizeForMatching("Fine-Tuning  /LoRA")).toBe("fine tuning lora");
  });
});

// The phrase rules are no longer the tagger (the model of seeds/topic-model.json is, see
// model.test.ts) but still score every topic as features of the model and as the baseline
// of npm run eval:topics.
describe("the project's phrase rules on the seed papers", async () => {
  const { topics, rules } = await loadTopicConfig();
  const tagger = createTagger(rules);
  const papers = new Map<string, { title: string; abstract: string }>();
  for (const file of SEED_FILES) {
    for (const e of parseDigest(readFileSync(file, "utf8")).entries) papers.set(normalizeTitle(e.title), e);
  }

  it("loads the 25 topics of the taxonomy and rules for each", () => {
    expect(topics).toHaveLength(25);
    expect(Object.keys(rules.topics).sort()).toEqual(topics.map((t) => t.slug).sort());
  });

  it("gives every seed paper between one and four topics", () => {
    const counts = [...papers.values()].map((p) => tagger.tag(p.title, p.abstract).length);
    expect(counts.filter((n) => n < 1 || n > 4)).toEqual([]);
  });

  it("uses every topic somewhere", () => {
    const used = new Set([...papers.values()].flatMap((p) => tagger.tag(p.title, p.abstract).map((t) => t.slug)));
    expect([...used].sort()).toEqual(topics.map((t) => t.slug).sort());
  });

  it.each([
    [
      "MemControl: Mitigating Memorization in Diffusion Models via Automated Parameter Selection",
      ["generative-models", "unlearning-privacy"],
    ],
    ["Query Rewriting for Retrieval-Augmented Large Language Models", ["retrieval-embeddings", "large-language-models"]],
    ["Collapsible Linear Blocks for Super-Efficient Super Resolution", ["computer-vision"]],
  ])("tags %s with %j", (title, expected) => {
    const paper = papers.get(normalizeTitle(title))!;
    expect(tagger.tag(paper.title, paper.abstract).map((t) => t.slug)).toEqual(expect.arrayContaining(expected));
  });
});

describe("loadTopicConfig", () => {
  it("names the file and the problem when rules are invalid", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "rules-"));
    const rulesFile = path.join(dir, "rules.json");
    writeFileSync(
      rulesFile,
      JSON.stringify({ version: 1, threshold: -1, titleBoost: 2, maxTopics: 4, fallbackMinimum: 1, topics: {} }),
    );
    await expect(loadTopicConfig(undefined, rulesFile)).rejects.toThrow(
      new TopicConfigError(`${rulesFile}: threshold: Too small: expected number to be >0`),
    );
  });

  it("refuses rules for a topic the taxonomy does not have", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "rules-"));
    const rulesFile = path.join(dir, "rules.json");
    const rules = JSON.parse(readFileSync("seeds/topic-rules.json", "utf8")) as {
      topics: Record<string, Record<string, number>>;
    };
    rules.topics["quantum-gardening"] = { qubit: 1 };
    writeFileSync(rulesFile, JSON.stringify(rules));
    await expect(loadTopicConfig(undefined, rulesFile)).rejects.toThrow(
      /"quantum-gardening" that seeds\/topics.json does not have/,
    );
  });

  it("refuses a model that does not score the taxonomy's topics, and says to retrain it", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "model-"));
    const modelFile = path.join(dir, "model.json");
    const model = JSON.parse(readFileSync("seeds/topic-model.json", "utf8")) as { topics: { slug: string }[] };
    model.topics[0]!.slug = "quantum-gardening";
    writeFileSync(modelFile, JSON.stringify(model));
    await expect(loadTopicConfig(undefined, undefined, modelFile)).rejects.toThrow(
      /scores a topic "quantum-gardening" that the taxonomy does not have.*npm run topics:train/,
    );
  });
});
