import { describe, expect, it } from "vitest";
import { rankRelated } from "@/lib/search/related";
import { rerankByTopics } from "@/lib/search/related-rank";

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
    paper("e", "Score-based generative modeling", "A score network reverses a noising process to synthesize photos.", []),
  ];

  it("ranks by the text vectors, a shared topic adding a bonus, and leaves the paper out", () => {
    const ranked = rankRelated(target, candidates, 4).map((r) => r.slug);
    expect(ranked).not.toContain("a");
    // The off-subject paper comes last despite its shared topic; a paper on the subject that
    // shares no word with this one (what TF-IDF cannot see) comes before it.
    expect(ranked.at(-1)).toBe("b");
    expect(ranked.slice(0, 2).sort()).toEqual(["c", "d"]);
  });

  it("honours the limit", () => {
    expect(rankRelated(target, candidates, 1)).toHaveLength(1);
  });
});

describe("rerankByTopics (Meilisearch's neighbours on the paper page)", () => {
  const n = (slug: string, cosine: number, topics: string[]) => ({ slug, cosine, topics });

  it("adds the bonus per shared topic", () => {
    const neighbours = [n("x", 0.8, []), n("y", 0.72, ["rl"]), n("w", 0.7, []), n("z", 0.55, ["rl", "llm"])];
    expect(rerankByTopics(neighbours, ["rl", "llm"], 3).map((r) => r.slug)).toEqual(["y", "x", "z"]);
    expect(rerankByTopics(neighbours, ["rl", "llm"], 3, 0).map((r) => r.slug)).toEqual(["x", "y", "w"]);
  });
});
