import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalizeTitle, parseDigest } from "@/lib/digest";
import { CategoryScores } from "@/lib/topics/categories";
import { compileRules, extractFeatures, tokenize } from "@/lib/topics/features";
import { highlightEvidence } from "@/lib/topics/highlight-evidence";
import { createTopicTagger, loadTopicConfig } from "@/lib/topics/load";
import { chooseTopics, createModelTagger, topicModelSchema, type TopicModel } from "@/lib/topics/model";
import type { TopicRules } from "@/lib/topics/rules";
import { DEFAULT_OPTIONS, trainTopicModel } from "@/scripts/topics/train";
import { SEED_FILES } from "../support/fixtures";

const OPTIONS = { titleWeight: 1, ruleScale: 0.5 };

describe("extractFeatures", () => {
  it("gives stemmed words and word pairs with their surface form and field", () => {
    const features = extractFeatures("Mixture-of-Experts routing", "Sparse experts. Routing experts routes tokens.", OPTIONS);
    expect(features.get("mixtur expert")).toEqual({ value: 1, surface: "mixture of experts", field: "title" });
    expect(features.get("expert")).toMatchObject({ value: 1 + 1 + Math.log(2), field: "title" });
    expect(features.get("rout")?.value).toBeCloseTo(1 + 1 + Math.log(2));
    expect(features.get("spars expert")).toEqual({ value: 1, surface: "sparse experts", field: "abstract" });
  });

  it("does not join words across punctuation or two stop words", () => {
    const features = extractFeatures("", "Graphs. Learning is of the essence", OPTIONS);
    expect(features.has("graph learn")).toBe(false);
    expect(features.has("learn essenc")).toBe(false);
    expect([...features.keys()].sort()).toEqual(["essenc", "graph", "learn"]);
  });

  it("adds each topic's rule score, a phrase once per field, with the words that matched", () => {
    const rules: TopicRules = {
      version: 1,
      threshold: 1,
      relativeThreshold: 0,
      titleBoost: 2,
      maxTopics: 4,
      fallbackMinimum: 1,
      topics: {
        "model-compression": { "pruning|pruned": 4, "not pruning": -8 },
        "graph-learning": { "graph neural network": 3 },
      },
    };
    const compiled = compileRules(rules);
    const features = extractFeatures("Pruned GNNs", "We prune graph neural networks; pruning helps.", OPTIONS, compiled);
    expect(features.get("rule:model-compression")).toMatchObject({
      value: (4 * 2 + 4) * OPTIONS.ruleScale,
      rules: [
        { phrase: "pruned", field: "title", weight: 8 },
        { phrase: "pruning", field: "abstract", weight: 4 },
      ],
    });
    expect(features.get("rule:graph-learning")?.rules).toEqual([
      { phrase: "graph neural networks", field: "abstract", weight: 3 },
    ]);
    expect(extractFeatures("", "This is not pruning.", OPTIONS, compiled).has("rule:model-compression")).toBe(false);
  });
});

describe("chooseTopics", () => {
  it("keeps every topic over its threshold, best first, at most four", () => {
    expect(chooseTopics([0.5, -1, 2, 0, 0.1, 3], 4)).toEqual([5, 2, 0, 4]);
  });

  it("gives the single best topic when none passes", () => {
    expect(chooseTopics([-3, -0.5, -2], 4)).toEqual([1]);
  });

  it("puts the lower topic first on a tie, also when it cuts the list or none passes", () => {
    expect(chooseTopics([1, 2, 2, 1, -1, 0], 4)).toEqual([1, 2, 0, 3]);
    expect(chooseTopics([1, 2, 2, 1], 1)).toEqual([1]);
    expect(chooseTopics([-1, -0.5, -0.5], 4)).toEqual([1]);
    expect(chooseTopics([], 4)).toEqual([]);
  });
});

describe("tokenize", () => {
  const words = (text: string) => {
    const tokens = tokenize(text);
    return tokens.words.slice(0, tokens.length).map((w) => w.text);
  };

  it("finds the words of a text, lower-cased, whatever its script", () => {
    const text = "Édith's GPT-4o: 𝛼-Décodage (ÜBER) naïve İstanbul — 東京 ２０２４";
    expect(words(text)).toEqual(text.toLowerCase().match(/[\p{L}\p{N}]+/gu));
  });

  it("knows a word again among many (the lexicon grows) and fills a buffer again without old words", () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}x`).join(" ");
    const first = tokenize(text);
    const again = tokenize(text);
    expect(again.length).toBe(20_000);
    expect(again.words.slice(0, again.length)).toEqual(first.words.slice(0, first.length));
    expect(again.words[12_345]).toBe(first.words[12_345]);
    expect(again.words[12_345]!.text).toBe(`w${(12_345).toString(36)}x`);
    const reused = tokenize("Two words.", again);
    expect(reused).toBe(again);
    expect(words("Two words.")).toEqual(["two", "words"]);
    expect(reused.words.slice(0, reused.length).map((w) => [w.text, w.stem])).toEqual([
      ["two", "two"],
      ["words", "word"],
    ]);
  });
});

describe("createModelTagger", () => {
  const model: TopicModel = {
    version: 1,
    trainedOn: {},
    crossValidated: {},
    featureOptions: { titleWeight: 1, ruleScale: 0 },
    maxTopics: 4,
    topics: [
      { slug: "graph-learning", bias: -2, threshold: 0 },
      { slug: "reasoning", bias: -2, threshold: 0 },
    ],
    weights: { graph: [0, 1.5], "graph neural": [0, 1], reason: [1, 1.5, 0, -0.5] },
  };
  const tagger = createModelTagger(model);

  it("gives the topics whose logit reaches the threshold, with the features that added most as evidence", () => {
    expect(tagger.tag("Graph neural networks", "We study graph neural networks.")).toEqual([
      {
        slug: "graph-learning",
        score: Number((1 / (1 + Math.exp(-(-2 + 1.5 * 2 + 1 * 2)))).toFixed(3)),
        evidence: [
          { phrase: "graph", field: "title", weight: 3 },
          { phrase: "graph neural", field: "title", weight: 2 },
        ],
      },
    ]);
  });

  it("tags a paper the same whatever it tagged before (its buffers start clean)", () => {
    const alone = createModelTagger(model).tag("Graph reasoning", "Reasoning on graphs.");
    tagger.tag("Graph neural networks and more graph neural networks", "Graph graph graph reasoning reasoning. ".repeat(50));
    expect(tagger.tag("Graph reasoning", "Reasoning on graphs.")).toEqual(alone);
  });

  it("gives the best topic, without evidence when nothing added to it, when none passes", () => {
    expect(tagger.tag("Nothing here", "At all.")).toEqual([{ slug: "graph-learning", score: 0.119, evidence: [] }]);
    expect(tagger.tag("Reasoning", "").map((t) => t.slug)).toEqual(["reasoning"]);
  });
});

describe("category features", () => {
  // two groups of arXiv categories: "med" (words of medicine) and "cv" (words of vision)
  const categories = {
    groups: ["med", "cv"],
    scale: 2,
    weights: { patholog: [2, -1], tumor: [1.5, 0], imag: [0.5, 1], segment: [0, 1.5] },
  };
  const model: TopicModel = {
    version: 1,
    trainedOn: {},
    crossValidated: {},
    featureOptions: { titleWeight: 1, ruleScale: 0 },
    maxTopics: 4,
    topics: [
      { slug: "science-applications", bias: -2, threshold: 0 },
      { slug: "computer-vision", bias: -2, threshold: 0 },
    ],
    weights: { "cat:med": [0, 1], "cat:cv": [1, 1], segment: [1, 0.5] },
    categories,
  };

  it("scores a group by the mean of its stems' weights over the paper's distinct stems, times the scale", () => {
    const features = extractFeatures("Pathology images", "Tumor segmentation of pathology slides.", OPTIONS, undefined, {
      scores: new CategoryScores(categories),
      groups: categories.groups,
    });
    // distinct stems: patholog, imag, tumor, segment, slide
    expect(features.get("cat:med")?.value).toBeCloseTo((2 * (2 + 0.5 + 1.5 + 0)) / 5);
    expect(features.get("cat:cv")?.value).toBeCloseTo((2 * (-1 + 1 + 0 + 1.5)) / 5);
  });

  it("adds them to the logits, and gives the words behind them as evidence", () => {
    const tagged = createModelTagger(model).tag("Pathology images", "Tumor segmentation of pathology slides.");
    const med = (2 * 4) / 5;
    expect(tagged.map((t) => t.slug)).toEqual(["science-applications"]);
    expect(tagged[0]!.score).toBeCloseTo(1 / (1 + Math.exp(-(-2 + med))), 3);
    // what "cat:med" added (1.6), shared by the stems of positive weight: patholog 2, tumor 1.5, imag 0.5
    expect(tagged[0]!.evidence).toEqual([
      { phrase: "pathology", field: "title", weight: 0.8 },
      { phrase: "tumor", field: "abstract", weight: 0.6 },
      { phrase: "images", field: "title", weight: 0.2 },
    ]);
  });

  it("tags a paper the same whatever it tagged before", () => {
    const tagger = createModelTagger(model);
    const alone = createModelTagger(model).tag("Segmentation", "Image segmentation.");
    tagger.tag("Pathology images", "Tumor segmentation of pathology slides. ".repeat(20));
    expect(tagger.tag("Segmentation", "Image segmentation.")).toEqual(alone);
  });
});

describe("training", () => {
  const papers = [
    { title: "Graph neural networks for molecules", abstract: "Message passing on graphs.", must: ["graph-learning"], may: [] },
    { title: "Node classification", abstract: "A graph neural network labels nodes.", must: ["graph-learning"], may: [] },
    { title: "Graph transformers", abstract: "Attention over graph nodes.", must: ["graph-learning"], may: ["architectures"] },
    { title: "Knowledge graph embeddings", abstract: "Links in a knowledge graph.", must: ["graph-learning"], may: [] },
    { title: "Chain-of-thought prompting", abstract: "Step by step reasoning in language models.", must: ["reasoning"], may: [] },
    { title: "Math word problems", abstract: "Reasoning about arithmetic step by step.", must: ["reasoning"], may: [] },
    { title: "Logical reasoning benchmarks", abstract: "Deductive reasoning tests.", must: ["reasoning"], may: [] },
    { title: "Causal reasoning", abstract: "Reasoning about causes and effects.", must: ["reasoning"], may: [] },
  ];
  const options = { ...DEFAULT_OPTIONS, folds: 2, epochs: 100, idf: false, ruleScale: 0, minDf: 1 };
  const train = () => trainTopicModel(papers, { slugs: ["graph-learning", "reasoning"] }, options, () => "fixture");

  it("is deterministic: the same papers give the same model", () => {
    expect(JSON.stringify(train())).toBe(JSON.stringify(train()));
  });

  it("learns the words that tell the topics apart", () => {
    const tagger = createModelTagger(train());
    expect(tagger.tag("Graph neural networks", "Nodes and graphs.").map((t) => t.slug)).toEqual(["graph-learning"]);
    expect(tagger.tag("Reasoning step by step", "Arithmetic.").map((t) => t.slug)).toEqual(["reasoning"]);
  });
});

describe("the committed model on the seed papers", async () => {
  const config = await loadTopicConfig();
  const tagger = createTopicTagger(config);
  const papers = new Map<string, { title: string; abstract: string }>();
  for (const file of SEED_FILES) {
    for (const e of parseDigest(readFileSync(file, "utf8")).entries) papers.set(normalizeTitle(e.title), e);
  }
  const tagged = [...papers.values()].map((p) => ({ paper: p, topics: tagger.tag(p.title, p.abstract) }));

  it("adds up to the logits of the features extractFeatures gives (the ones the model is trained on)", () => {
    const rules = compileRules(config.rules);
    const { model } = config;
    const categories = model.categories && { scores: new CategoryScores(model.categories), groups: model.categories.groups };
    expect(categories).toBeDefined();
    for (const { paper, topics } of tagged) {
      const logits = model.topics.map((t) => t.bias);
      for (const [name, feature] of extractFeatures(paper.title, paper.abstract, model.featureOptions, rules, categories)) {
        const pairs = model.weights[name] ?? [];
        for (let k = 0; k < pairs.length; k += 2) logits[pairs[k]!]! += pairs[k + 1]! * feature.value;
      }
      const margins = logits.map((logit, t) => logit - model.topics[t]!.threshold);
      const expected = chooseTopics(margins, model.maxTopics).map((t) => ({
        slug: model.topics[t]!.slug,
        score: Math.round((1 / (1 + Math.exp(-logits[t]!))) * 1000) / 1000,
      }));
      expect(
        topics.map(({ slug, score }) => ({ slug, score })),
        paper.title,
      ).toEqual(expected);
    }
  });

  it("records the labelled splits it was fitted on, which can never include test", () => {
    expect(config.model.splits).toEqual(["train", "dev"]);
    const { splits: _, ...rest } = config.model;
    expect(topicModelSchema.safeParse({ ...rest, splits: ["train", "dev", "test"] }).success).toBe(false);
    expect(topicModelSchema.safeParse(rest).success).toBe(true);
  });

  it("scores exactly the 25 topics of the taxonomy", () => {
    expect(config.model.topics.map((t) => t.slug).sort()).toEqual(config.topics.map((t) => t.slug).sort());
  });

  it("gives every seed paper between one and four topics", () => {
    expect(tagged.filter(({ topics }) => topics.length < 1 || topics.length > 4)).toEqual([]);
  });

  it("keeps evidence that can be found in the title or abstract it names", () => {
    let checked = 0;
    for (const { paper, topics } of tagged) {
      for (const e of topics.flatMap((t) => t.evidence)) {
        expect(e.weight).toBeGreaterThan(0);
        const text = e.field === "title" ? paper.title : paper.abstract;
        expect(
          highlightEvidence(text, [e.phrase]).some((s) => s.match),
          `"${e.phrase}" in ${e.field} of ${paper.title}`,
        ).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it.each([
    ["Query Rewriting for Retrieval-Augmented Large Language Models", ["retrieval-embeddings", "large-language-models"]],
    ["Collapsible Linear Blocks for Super-Efficient Super Resolution", ["computer-vision"]],
    ["MemControl: Mitigating Memorization in Diffusion Models via Automated Parameter Selection", ["generative-models"]],
  ])("tags %s with %j", (title, expected) => {
    const paper = papers.get(normalizeTitle(title))!;
    expect(tagger.tag(paper.title, paper.abstract).map((t) => t.slug)).toEqual(expect.arrayContaining(expected));
  });
});
