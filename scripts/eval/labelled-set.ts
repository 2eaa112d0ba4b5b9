import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { normalizeTitle, parseDigest } from "../../lib/digest";
import type { CategorizedPaper, LabelledPaper } from "./topic-metrics";

export const LABELS_FILE = path.resolve("tests/topics/labels.json");

const labelsSchema = z.object({
  papers: z.array(z.object({ title: z.string(), must: z.array(z.string()).min(1), may: z.array(z.string()) })),
});

/** The hand labels joined with the seed abstracts they were written from. */
export function loadLabelledSeeds(labelsFile = LABELS_FILE, seedsDir = path.resolve("seeds")): LabelledPaper[] {
  const abstracts = new Map<string, string>();
  for (const name of readdirSync(seedsDir).filter((f) => f.endsWith(".txt"))) {
    for (const e of parseDigest(readFileSync(path.join(seedsDir, name), "utf8")).entries) {
      abstracts.set(normalizeTitle(e.title), e.abstract);
    }
  }
  const { papers } = labelsSchema.parse(JSON.parse(readFileSync(labelsFile, "utf8")));
  return papers.map((p) => {
    const abstract = abstracts.get(normalizeTitle(p.title));
    if (!abstract) throw new Error(`${labelsFile}: "${p.title}" is not a seed paper`);
    return { ...p, abstract };
  });
}

/** HF Daily Papers with their arXiv categories (third-party labels nobody here wrote). */
export function loadCategorizedPapers(file: string): CategorizedPaper[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const record = JSON.parse(line) as { title: string; abstract: string; categories: string[] };
      return { title: record.title, abstract: record.abstract, categories: record.categories };
    });
}
