import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDigest } from "@/lib/digest";
import { createTopicTagger, loadTopicConfig } from "@/lib/topics/load";
import { keyPhrases, phraseWords } from "@/lib/trends/phrases";
import { SEED_FILES } from "../support/fixtures";

const ev = (...phrases: string[]) => phrases.map((phrase) => ({ phrase }));

describe("key phrases", () => {
  it("keeps terms of several words, in lower case with single spaces, sorted and once", () => {
    expect(
      keyPhrases(ev("chain of thought", "Gaussian  Splatting", "chain of thought", "vision-language"), "A title", ""),
    ).toEqual(["chain of thought", "gaussian splatting", "vision language"]);
  });

  it("keeps a single word only where the paper writes it as an acronym or a name with capitals", () => {
    const title = "GRPO for LoRA Adapters";
    const abstract = "We train LLMs with reinforcement learning. The robust method uses a reward.";
    expect(keyPhrases(ev("grpo", "lora", "llms", "robust", "reward", "adapters"), title, abstract)).toEqual([
      "grpo",
      "llms",
      "lora",
    ]);
  });

  it("looks for the acronym as a whole word", () => {
    // "RAGged" is not "RAG"; "rag" alone, in lower case, is not an acronym either
    expect(keyPhrases(ev("rag"), "A title", "These RAGged edges and the rag.")).toEqual([]);
    expect(keyPhrases(ev("rag"), "A title", "Retrieval (RAG) helps.")).toEqual(["rag"]);
  });

  it("learns nothing from a title in capitals throughout", () => {
    expect(keyPhrases(ev("attention"), "ATTENTION IS ALL YOU NEED", "we study attention")).toEqual([]);
  });

  it("leaves out sizes, counts, stop words at either end and words too short", () => {
    const abstract = "A 13B model, 7B, 2x faster; AI and RL; et al.";
    expect(
      keyPhrases(ev("13b model", "2x", "7b", "ai", "rl", "et al", "of experts", "mixture of experts"), "T", abstract),
    ).toEqual(["mixture of experts"]);
    // a size inside a name is fine when the name is more than the size
    expect(keyPhrases(ev("gpt 4o", "3d gaussian"), "T", "")).toEqual(["3d gaussian", "gpt 4o"]);
  });

  it("splits any phrase into its words", () => {
    expect(phraseWords("Text-to-Image  (T2I)")).toEqual(["text", "to", "image", "t2i"]);
    expect(phraseWords("chain of thought")).toEqual(["chain", "of", "thought"]);
  });

  it("finds meaningful phrases in the seed papers through the real tagger", async () => {
    const tagger = createTopicTagger(await loadTopicConfig());
    const found = new Map<string, number>();
    let papers = 0;
    for (const file of SEED_FILES) {
      for (const e of parseDigest(readFileSync(file, "utf8")).entries) {
        papers++;
        const phrases = keyPhrases(
          tagger.tag(e.title, e.abstract).flatMap((t) => t.evidence),
          e.title,
          e.abstract,
        );
        for (const p of phrases) found.set(p, (found.get(p) ?? 0) + 1);
      }
    }
    const common = [...found].sort((a, b) => b[1] - a[1]).map(([p]) => p);
    // the most frequent phrases of these papers (fine-tuning, LLMs) are terms, not filler
    expect(common.slice(0, 10)).toEqual(
      expect.arrayContaining(["large language models", "parameter efficient fine tuning", "lora"]),
    );
    expect(common.every((p) => p.includes(" ") || p.length >= 3)).toBe(true);
    expect(common).not.toEqual(expect.arrayContaining(["the", "model", "robust", "output"]));
    expect(found.size).toBeGreaterThan(100);
    expect([...found.values()].reduce((a, b) => a + b, 0) / papers).toBeGreaterThan(1);
  });
});
