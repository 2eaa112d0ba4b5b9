import { describe, expect, it } from "vitest";
import { rankRelated } from "@/lib/search/related";

const paper = (slug: string, title: string, abstract: string, topicSlugs: string[] = []) => ({
  slug,
  title,
  abstract,
  topicSlugs,
});

describe("rankRelated (the database ranking of related papers)", () => {
  const target = paper("a", "Memorization in diffusion models", "Diffusion models memorize training images.", [
    "generative-models",
  ]);
  const candidates = [
    paper("a", target.title, target.abstract, target.topicSlugs),
    paper("b", "Robot grasping", "Robots grasp objects.", ["generative-models"]),
    paper("c", "Reducing memorization of diffusion models", "We reduce memorization of training images.", []),
    paper("d", "Diffusion for pictures", "Pictures from diffusion.", ["generative-models"]),
  ];

  it("ranks by shared terms first, topics as a bonus, and leaves the paper out", () => {
    expect(rankRelated(target, candidates, 3).map((r) => r.slug)).toEqual(["c", "d", "b"]);
  });

  it("honours the limit", () => {
    expect(rankRelated(target, candidates, 1)).toEqual([{ slug: "c", title: "Reducing memorization of diffusion models" }]);
  });
});
