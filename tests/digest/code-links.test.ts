import { describe, expect, it } from "vitest";
import { cleanUrl, extractCodeUrls, isRepositoryUrl, parseDigest } from "@/lib/digest";
import { SEED_FILES } from "../support/fixtures";
import { readFileSync } from "node:fs";

describe("cleanUrl", () => {
  it.each([
    ["https://github.com/yanyanSann/PromptTPP}},", "https://github.com/yanyanSann/PromptTPP"],
    ["https://github.com/ZrrSkywalker/LLaMA-Adapter.", "https://github.com/ZrrSkywalker/LLaMA-Adapter"],
    ["https://github.com/zhang-tao-whu/DVIS{https://github.com/zhang-tao-whu/DVIS}.", "https://github.com/zhang-tao-whu/DVIS"],
    ["https://github.com/facebookresearch/mowst-gnn).", "https://github.com/facebookresearch/mowst-gnn"],
    ["https://github.com/LZY-the-boys/Twin-Mergin.)", "https://github.com/LZY-the-boys/Twin-Mergin"],
    ["https://github.com/vsingh-group/LCODEC-deep-unlearning/", "https://github.com/vsingh-group/LCODEC-deep-unlearning"],
    ["https: //github.com/gurayozgur/MADation", "https://github.com/gurayozgur/MADation"],
    ["https://en.wikipedia.org/wiki/Foo_(bar).", "https://en.wikipedia.org/wiki/Foo_(bar)"],
  ])("%s → %s", (raw, clean) => {
    expect(cleanUrl(raw)).toBe(clean);
  });

  it("rejects things that are not URLs", () => {
    expect(cleanUrl("https://")).toBeNull();
    expect(cleanUrl("https://localhost")).toBeNull();
  });
});

describe("repository links", () => {
  it("keeps code hosts with an owner and a project, not project pages or models", () => {
    expect(isRepositoryUrl("https://github.com/microsoft/unilm/tree/master/e5")).toBe(true);
    expect(isRepositoryUrl("https://gitlab.com/group/project")).toBe(true);
    expect(isRepositoryUrl("https://github.com/microsoft")).toBe(false);
    expect(isRepositoryUrl("https://step-law.github.io")).toBe(false);
    expect(isRepositoryUrl("https://huggingface.co/apple/OpenELM")).toBe(false);
  });

  it("extracts cleaned repository links from an abstract, in order, without repeats", () => {
    const abstract =
      "Code: https://github.com/a/b}}, project page https://a.github.io/b/. Mirror https://github.com/a/b. Also https://gitlab.com/c/d.";
    expect(extractCodeUrls(abstract)).toEqual(["https://github.com/a/b", "https://gitlab.com/c/d"]);
  });

  it("finds a code link in the seeds for the examples of the brief", () => {
    const urls = SEED_FILES.flatMap((f) => parseDigest(readFileSync(f, "utf8")).entries.flatMap((e) => e.codeUrls));
    expect(urls).toContain("https://github.com/yanyanSann/PromptTPP");
    expect(urls).toContain("https://github.com/ZrrSkywalker/LLaMA-Adapter");
    expect(urls).toContain("https://github.com/gurayozgur/MADation");
    expect(urls.filter((u) => /[.,;:)}\]]$/.test(u))).toEqual([]);
  });
});
