import { describe, expect, it } from "vitest";
import { evaluateAgreement, evaluateLabelled, type TagFn } from "@/scripts/eval/topic-metrics";
import { loadLabelledSeeds } from "@/scripts/eval/labelled-set";
import { createTopicTagger, loadTopicConfig } from "@/lib/topics/load";

const fixed =
  (answers: Record<string, string[]>): TagFn =>
  (title) =>
    (answers[title] ?? []).map((slug) => ({ slug, score: 1, evidence: [] }));

describe("evaluateLabelled", () => {
  it("counts may-topics as right and only must-topics for recall", () => {
    const papers = [
      { title: "A", abstract: "", must: ["x"], may: ["y"] },
      { title: "B", abstract: "", must: ["x", "z"], may: [] },
      { title: "C", abstract: "", must: ["y"], may: [] },
    ];
    const result = evaluateLabelled(papers, fixed({ A: ["x", "y"], B: ["x", "w"] }));
    expect(result).toMatchObject({ tp: 3, fp: 1, fn: 2, untagged: ["C"] });
    expect(result.precision).toBeCloseTo(3 / 4);
    expect(result.recall).toBeCloseTo(2 / 4);
    expect(result.perTopic.w).toEqual({ tp: 0, fp: 1, fn: 0 });
  });
});

describe("evaluateAgreement", () => {
  it("scores each mapped category of a paper, ignoring unmapped ones", () => {
    const papers = [
      { title: "A", abstract: "", categories: ["cs.CV", "cs.AI"] },
      { title: "B", abstract: "", categories: ["cs.CV", "cs.RO"] },
      { title: "C", abstract: "", categories: ["cs.LG"] },
    ];
    const { rows, overall, pairs } = evaluateAgreement(papers, fixed({ A: ["computer-vision"], B: ["reasoning"] }));
    expect(pairs).toBe(3);
    expect(rows.find((r) => r.category === "cs.CV")).toMatchObject({ papers: 2, agreeing: 1 });
    expect(rows.find((r) => r.category === "cs.RO")).toMatchObject({ papers: 1, agreeing: 0 });
    expect(overall).toBeCloseTo(1 / 3);
  });
});

// These 78 papers are in the model's training split, so the figures are not a test of how it
// generalizes (npm run eval:topics measures that on the test split); they check that the
// committed model fits the labels it was trained on and tags every paper.
describe("the project's topic model on the hand-labelled seed papers it was trained on", async () => {
  const tagger = createTopicTagger(await loadTopicConfig());
  const labelled = loadLabelledSeeds();
  const result = evaluateLabelled(labelled, (t, a) => tagger.tag(t, a));

  it("uses at least 60 labelled papers", () => {
    expect(labelled.length).toBeGreaterThanOrEqual(60);
  });

  it("fits them: precision ≥ 0.92, recall ≥ 0.95, every paper tagged", () => {
    expect(result.untagged).toEqual([]);
    expect(result.precision).toBeGreaterThanOrEqual(0.92);
    expect(result.recall).toBeGreaterThanOrEqual(0.95);
  });
});
