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

// Issue 13's labelled populations: every seed paper, Hugging Face Daily picks and other arXiv
// cs papers, each with the train/dev/test split fixed before anything was tuned
// (scripts/eval/labels/README.md).

export type Population = "seeds" | "hf-daily" | "arxiv-cs";
export type Split = "train" | "dev" | "test";
export interface PopulationPaper extends LabelledPaper {
  population: Population;
  split: Split;
}

const LABELS_DIR = path.resolve("scripts/eval/labels");
const splitSchema = z.enum(["train", "dev", "test"]);
const seedLabelSchema = z.object({
  title: z.string(),
  must: z.array(z.string()).min(1),
  ok: z.array(z.string()),
  split: splitSchema,
});
const corpusLabelSchema = z.object({
  id: z.string(),
  source: z.enum(["hf-daily", "arxiv-cs"]),
  title: z.string(),
  must: z.array(z.string()).min(1),
  ok: z.array(z.string()),
  split: splitSchema.optional(),
});
const corpusSplitsSchema = z.object({ splits: z.record(z.string(), splitSchema) });
/** Our own labelled corpus papers, each line with its split (scripts/eval/labels/README.md). */
const OWN_CORPUS_LABEL_FILES = ["corpus-extra-labels.jsonl", "corpus-train-more.jsonl"].map((f) => path.join(LABELS_DIR, f));

const jsonLines = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as unknown);

/**
 * All labelled papers by population and split: the 390 seed papers, the 400 shared corpus
 * labels (`corpusTrainFile`) and 680 more of ours (200 for dev and test, 480 for training), with abstracts from the seeds and from
 * `abstractsById` (the corpus records, read by the caller).
 */
export function loadPopulations(corpusTrainFile: string, abstractsById: Map<string, string>): PopulationPaper[] {
  const seedAbstracts = new Map<string, string>();
  for (const name of readdirSync("seeds").filter((f) => f.endsWith(".txt"))) {
    for (const e of parseDigest(readFileSync(path.join("seeds", name), "utf8")).entries)
      seedAbstracts.set(normalizeTitle(e.title), e.abstract);
  }
  const seeds = jsonLines(path.join(LABELS_DIR, "seed-labels.jsonl")).map((line): PopulationPaper => {
    const p = seedLabelSchema.parse(line);
    const abstract = seedAbstracts.get(normalizeTitle(p.title));
    if (!abstract) throw new Error(`seed-labels.jsonl: "${p.title}" is not a seed paper`);
    return { population: "seeds", split: p.split, title: p.title, abstract, must: p.must, may: p.ok };
  });
  const { splits } = corpusSplitsSchema.parse(JSON.parse(readFileSync(path.join(LABELS_DIR, "corpus-splits.json"), "utf8")));
  const corpusLines = [corpusTrainFile, ...OWN_CORPUS_LABEL_FILES].flatMap(jsonLines);
  const corpus = corpusLines.map((line): PopulationPaper => {
    const p = corpusLabelSchema.parse(line);
    const split = p.split ?? splits[p.id];
    const abstract = abstractsById.get(p.id);
    if (!split || !abstract) throw new Error(`labelled corpus paper ${p.id}: ${split ? "abstract" : "split"} not found`);
    return { population: p.source, split, title: p.title, abstract, must: p.must, may: p.ok };
  });
  return [...seeds, ...corpus];
}

/** The ids of every labelled corpus paper (to read their abstracts from the corpus). */
export function labelledCorpusIds(corpusTrainFile: string): Set<string> {
  const lines = [corpusTrainFile, ...OWN_CORPUS_LABEL_FILES].flatMap(jsonLines);
  return new Set(lines.map((line) => corpusLabelSchema.parse(line).id));
}
