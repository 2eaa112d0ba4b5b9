import { describe, expect, it } from "vitest";
import {
  countOnce,
  firstTimeCandidates,
  percent,
  rankPhrases,
  rankTopics,
  riseScore,
  sumDigests,
  type GroupCounts,
} from "@/lib/trends/rank";

const counts = (total: number, terms: Record<string, number>): GroupCounts => ({ total, terms: new Map(Object.entries(terms)) });
const names = { recent: "the last digest", baseline: "the previous 5 digests" };

describe("counting each paper once per window", () => {
  const perDigest = new Map([
    ["a", counts(10, { llm: 4, vision: 3 })],
    ["b", counts(20, { llm: 5, vision: 10 })],
    ["c", counts(5, { llm: 1 })],
  ]);

  it("sums the digests of a group", () => {
    expect(sumDigests(perDigest, ["a", "b"])).toEqual(counts(30, { llm: 9, vision: 13 }));
    expect(sumDigests(perDigest, ["c", "missing"])).toEqual(counts(5, { llm: 1 }));
  });

  it("takes away a paper listed in several digests of the group, from the total and its terms", () => {
    const relisted = [
      { digestIds: ["a", "b"], terms: ["llm"] },
      { digestIds: ["a", "b", "c"], terms: ["llm", "vision"] },
      // in one digest of the group only: nothing to take away
      { digestIds: ["b", "z"], terms: ["vision"] },
    ];
    expect(countOnce(sumDigests(perDigest, ["a", "b", "c"]), ["a", "b", "c"], relisted)).toEqual(
      counts(35 - 1 - 2, { llm: 10 - 1 - 2, vision: 13 - 2 }),
    );
    expect(countOnce(sumDigests(perDigest, ["c"]), ["c"], relisted)).toEqual(counts(5, { llm: 1 }));
  });

  it("drops a term whose papers were all counted twice", () => {
    expect(countOnce(counts(2, { gan: 2 }), ["a", "b"], [{ digestIds: ["a", "b"], terms: ["gan"] }])).toEqual(
      counts(1, { gan: 1 }),
    );
    expect(countOnce(counts(2, { gan: 1 }), ["a", "b"], [{ digestIds: ["a", "b"], terms: ["gan"] }]).terms.has("gan")).toBe(
      false,
    );
  });
});

describe("topics that rose and fell", () => {
  const topics = [
    { slug: "llm", name: "Large Language Models" },
    { slug: "vision", name: "Computer Vision" },
    { slug: "rl", name: "Reinforcement Learning" },
    { slug: "graphs", name: "Graph Learning" },
    { slug: "moe", name: "Mixture of Experts" },
  ];
  const recent = counts(100, { llm: 40, vision: 10, rl: 5, moe: 2 });
  const baseline = counts(400, { llm: 80, vision: 80, rl: 20, moe: 8 });
  const points = [counts(200, { llm: 30, vision: 40 }), counts(200, { llm: 50, vision: 40 }), recent];
  const ranked = rankTopics(topics, recent, baseline, points, names);

  it("ranks by the change in share, most first, and leaves out steady and absent topics", () => {
    expect(ranked.rising.map((t) => [t.slug, t.change])).toEqual([["llm", 0.4 - 0.2]]);
    expect(ranked.falling.map((t) => t.slug)).toEqual(["vision"]);
    expect(ranked.falling[0]!.change).toBeCloseTo(0.1 - 0.2);
    // rl: 5% before and after; moe: 2% both; graphs: no paper in either window
    expect([...ranked.rising, ...ranked.falling].map((t) => t.slug)).not.toContain("rl");
  });

  it("explains each with its counts and shares, and charts its share at each point", () => {
    expect(ranked.rising[0]).toMatchObject({
      recent: { papers: 40, share: 0.4 },
      baseline: { papers: 80, share: 0.2 },
      explanation: "40 papers (40.0%) in the last digest vs 80 (20.0%) in the previous 5 digests",
      points: [
        { papers: 30, share: 0.15 },
        { papers: 50, share: 0.25 },
        { papers: 40, share: 0.4 },
      ],
    });
  });

  it("gives a point without papers no share", () => {
    const empty = rankTopics(topics, recent, baseline, [counts(0, {}), recent], names);
    expect(empty.rising[0]!.points[0]).toEqual({ papers: 0, share: null });
    expect(percent(null)).toBe("–");
    expect(percent(0)).toBe("0%");
    expect(percent(0.04166)).toBe("4.2%");
  });
});

describe("phrases that rose, and phrases new", () => {
  const recent = counts(100, {
    "gaussian splatting": 12,
    "large language models": 30,
    "flow matching": 6,
    "chain of thought": 2,
    "state space models": 3,
    once: 1,
  });
  const baseline = counts(500, {
    "gaussian splatting": 15,
    "large language models": 150,
    "chain of thought": 30,
    "flow matching": 1,
  });

  it("offers as possibly new the phrases in enough recent papers and none of the baseline", () => {
    expect(firstTimeCandidates(recent, baseline)).toEqual(["state space models"]);
  });

  it("ranks rises by how far they exceed the baseline share, and keeps each phrase in one list", () => {
    const ranked = rankPhrases(recent, baseline, new Set(["state space models"]), names);
    expect(ranked.rising.map((p) => p.phrase)).toEqual(["flow matching", "gaussian splatting"]);
    expect(ranked.rising[1]).toEqual({
      phrase: "gaussian splatting",
      recent: { papers: 12, share: 0.12 },
      baseline: { papers: 15, share: 0.03 },
      search: "/search?q=%22gaussian%20splatting%22",
      explanation: "12 papers in the last digest vs 15 in the previous 5 digests",
    });
    expect(ranked.firstTime).toEqual([
      {
        phrase: "state space models",
        recent: { papers: 3, share: 0.03 },
        baseline: { papers: 0, share: 0 },
        search: "/search?q=%22state%20space%20models%22",
        explanation: "3 papers in the last digest, none in any digest before",
      },
    ]);
  });

  it("lists a phrase missing from the baseline but seen earlier as a rise, not as new", () => {
    const ranked = rankPhrases(recent, baseline, new Set(), names);
    expect(ranked.rising.map((p) => p.phrase)).toContain("state space models");
    expect(ranked.firstTime).toEqual([]);
  });

  it("scores a rise against the baseline share, so that a phrase as common as before does not rise", () => {
    expect(riseScore(30, 100, 150, 500)).toBe(0);
    expect(riseScore(12, 100, 15, 500)).toBeCloseTo((12 - 3) / 2);
    expect(riseScore(2, 100, 0, 500)).toBe(2);
  });
});
