import { describe, expect, it } from "vitest";
import { digestIdFromFileName, normalizeTitle, slugify } from "@/lib/digest";

describe("normalizeTitle", () => {
  it("ignores case, punctuation, accents and spacing", () => {
    expect(normalizeTitle("  Café:  A  Study—of Things! ")).toBe(normalizeTitle("cafe a study of things"));
  });

  it("keeps non-Latin letters and digits", () => {
    expect(normalizeTitle("u-μP: Scaling 2x")).toBe("u μp scaling 2x");
  });
});

describe("slugify", () => {
  it("makes lower-case ASCII slugs", () => {
    expect(slugify("MemControl: Mitigating Memorization in Diffusion Models")).toBe(
      "memcontrol-mitigating-memorization-in-diffusion-models",
    );
  });

  it("cuts long titles at a word boundary, at most 80 characters", () => {
    const slug = slugify(
      "The Ultimate Guide to Fine-Tuning LLMs from Basics to Breakthroughs: An Exhaustive Review of Technologies",
    );
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("never returns an empty slug", () => {
    expect(slugify("？？？")).toBe("paper");
  });
});

describe("digestIdFromFileName", () => {
  it("uses the file stem restricted to safe characters", () => {
    expect(digestIdFromFileName("seeds/000_b4ca87912f4c4db7.txt")).toBe("000_b4ca87912f4c4db7");
    expect(digestIdFromFileName("my digest (copy).txt")).toBe("my-digest-copy");
  });
});
