import { readFileSync } from "node:fs";
import { z } from "zod";
import { normalizeTitle } from "@/lib/digest";

// The known-item query sets: 60 queries on the seeds (tests/search/known-items.json, issue 4)
// and 280 at scale (scripts/eval/labels/known-items-scale.jsonl, issue 12: targets among the
// seeds and the corpus, with a train/dev/test split fixed when they were written).

export const SEED_QUERIES_FILE = "tests/search/known-items.json";
export const SCALE_QUERIES_FILE = "scripts/eval/labels/known-items-scale.jsonl";

export type Split = "train" | "dev" | "test";

export interface KnownItem {
  kind: string;
  query: string;
  split: Split;
  /** The paper's title as the query's writer saw it. */
  title: string;
  /** Slug of the paper in the evaluated database. */
  target: string;
}

const seedFileSchema = z.object({ queries: z.array(z.object({ kind: z.string(), query: z.string(), title: z.string() })) });
const scaleLineSchema = z.object({
  kind: z.enum(["keywords", "acronym", "typo", "paraphrase", "question"]),
  query: z.string().min(1),
  title: z.string(),
  split: z.enum(["train", "dev", "test"]),
  target: z.union([z.object({ seedTitle: z.string() }), z.object({ arxivId: z.string() })]),
});

/** Resolves each query's paper by title among the stored papers; queries whose paper is not there are returned apart. */
function resolve(items: Omit<KnownItem, "target">[], slugByTitle: Map<string, string>) {
  const found: KnownItem[] = [];
  const missing: Omit<KnownItem, "target">[] = [];
  for (const item of items) {
    const target = slugByTitle.get(normalizeTitle(item.title));
    if (target) found.push({ ...item, target });
    else missing.push(item);
  }
  return { found, missing };
}

export function loadSeedQueries(slugByTitle: Map<string, string>) {
  const { queries } = seedFileSchema.parse(JSON.parse(readFileSync(SEED_QUERIES_FILE, "utf8")));
  // Written before splits existed, and tuned on (issue 4): all of them are training queries.
  return resolve(
    queries.map((q) => ({ ...q, split: "train" as const })),
    slugByTitle,
  );
}

export function loadScaleQueries(slugByTitle: Map<string, string>) {
  const lines = readFileSync(SCALE_QUERIES_FILE, "utf8").trim().split("\n");
  const queries = lines.map((line, i) => {
    const parsed = scaleLineSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${SCALE_QUERIES_FILE}:${i + 1}: ${parsed.error.issues[0]?.message}`);
    const { kind, query, title, split } = parsed.data;
    return { kind, query, title, split };
  });
  return resolve(queries, slugByTitle);
}
