import { describe, expect, it } from "vitest";
import { cosine, rankRelated, termVector } from "@/lib/papers/similarity";

const paper = (slug: string, title: string, abstract: string, topicSlugs: string[] = []) => ({
  slug,
  title,
  abstract,
  topicSlugs,
});

describe("termVector and cosine", () => {
  it("ignores stop words and counts title words twice", () => {
    const v = termVector("Diffusion Memorization", "We study memorization in diffusion models.");
    expect(Object.fromEntries(v)).toEqual({ diffusion: 3, memorization: 3, study: 1 });
  });

  it("is 1 for the same text and 0 for disjoint texts", () => {
    const a = termVector("Graph pooling", "Pooling graphs.");
    expect(cosine(a, a)).toBeCloseTo(1);
    expect(cosine(a, termVector("Speech synthesis", "Vocoders."))).toBe(0);
  });
});

describe("rankRelated", () => {
  const target = paper("a", "Memorization in diffusion models", "Diffusion models memorize training images.", [
    "generative-models",
  ]);
  const candidates = [
    paper("a", target.title, target.abstract, target.topicSlugs),
    paper("b", "Robot grasping", "Robots grasp objects.", ["generative-models"]),
    paper("c", "Reducing memorization of diffusion models", "We reduce memorization of training images.", []),
    paper("d", "Diffusion for pictures", "Pictures from diffusion.", ["generative-models"]),
  ];

  it("ranks by shared words first, topics as a bonus, and leaves the paper out", () => {
    expect(rankRelated(target, candidates, 3).map((r) => r.slug)).toEqual(["c", "d", "b"]);
  });

  it("honours the limit", () => {
    expect(rankRelated(target, candidates, 1)).toEqual([{ slug: "c", title: "Reducing memorization of diffusion models" }]);
  });
});
