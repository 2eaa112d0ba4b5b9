// npm run eval:search [-- --scale] [--verbose]: known-item queries against Paperdex's search
// (the same code as /api/search) next to a plain BM25 baseline (SQLite FTS5) over the same
// papers, measured in the same run on a throwaway database and Meilisearch.
//   default   the 60 seed queries of issue 4 on the 390 seed papers, plus related papers;
//   --scale   the 280 queries of issue 12 on the seeds and the whole arXiv corpus (≈75,000
//             papers, from ../shared/corpus), reported for all queries and for the test split.
import path from "node:path";
import { parseArgs } from "node:util";
import { normalizeTitle } from "@/lib/digest";
import { ingestFiles } from "@/lib/ingest/ingest";
import { searchParamsSchema } from "@/lib/search/params";
import { searchPapers } from "@/lib/search/search";
import { Bm25Baseline } from "@/scripts/eval/bm25-baseline";
import { evaluateProductRelated, loadJudgedSeeds, printRelatedTable } from "@/scripts/eval/related";
import {
  loadScaleQueries,
  loadSeedQueries,
  SCALE_QUERIES_FILE,
  SEED_QUERIES_FILE,
  type KnownItem,
} from "@/scripts/eval/known-items";
import { scoreByKind, type KindScore } from "@/scripts/eval/known-item-metrics";
import { fitsDigest, readCorpus } from "@/scripts/lib/corpus-read";
import { writeCorpusDigests } from "@/scripts/lib/corpus-render";
import { ARXIV_DAILY_FILE, corpusFile } from "@/scripts/lib/shared-corpus";
import { listDigests, withThrowawayStack } from "@/scripts/lib/throwaway-stack";
import { formatMs, run } from "./lib/cli";

/** Issue 4's bar on the seeds, and issue 12's at scale (test split). */
const TARGET_MRR = 0.95;
const TARGET_SCALE_MRR = 0.8;

run(async () => {
  const { values } = parseArgs({ options: { scale: { type: "boolean" }, verbose: { type: "boolean" } } });
  const scale = values.scale ?? false;
  // Before anything starts: without the corpus, say what is missing and stop.
  const corpus = scale ? corpusFile(ARXIV_DAILY_FILE, "npm run eval:search -- --scale") : undefined;
  return withThrowawayStack("eval-search", async ({ dir, db, search }) => {
    const files = listDigests("seeds");
    if (corpus) {
      const { records } = await readCorpus(Number.MAX_SAFE_INTEGER, fitsDigest, corpus);
      files.push(...writeCorpusDigests(records, path.join(dir, "corpus")));
    }
    const started = performance.now();
    console.log(`Ingesting ${files.length} digest files into a throwaway database and Meilisearch…`);
    await ingestFiles(
      { db, search, indexUid: "papers" },
      { files },
      { fileStart: (_file, index, total) => index % 50 === 0 && console.log(`  file ${index} of ${total}`) },
    );
    const papers = await db.paper.findMany({ select: { slug: true, title: true, abstract: true } });
    console.log(`  ${papers.length.toLocaleString("en-US")} papers in ${formatMs(performance.now() - started)}`);

    const slugByTitle = new Map(papers.map((p) => [normalizeTitle(p.title), p.slug]));
    const queriesFile = scale ? SCALE_QUERIES_FILE : SEED_QUERIES_FILE;
    const { found: items, missing } = scale ? loadScaleQueries(slugByTitle) : loadSeedQueries(slugByTitle);
    if (missing.length > 0 && !scale) throw new Error(`${queriesFile}: no seed paper is titled "${missing[0]!.title}"`);
    for (const item of missing)
      console.log(`  left out (its paper cannot be written as a digest): "${item.query}" → ${item.title}`);

    const baseline = new Bm25Baseline(papers);
    const ours: Run[] = [];
    const theirs: Run[] = [];
    for (const item of items) {
      const result = await searchPapers(searchParamsSchema.parse({ q: item.query, perPage: "10" }));
      ours.push({ ...item, results: result.hits.map((h) => h.slug) });
      theirs.push({ ...item, results: baseline.search(item.query) });
    }
    baseline.close();

    printTable(`${queriesFile}, all ${items.length} queries`, scoreByKind(ours), scoreByKind(theirs));
    const testOurs = ours.filter((r) => r.split === "test");
    const testTheirs = theirs.filter((r) => r.split === "test");
    if (scale)
      printTable(`test split only (${testOurs.length} queries never tuned on)`, scoreByKind(testOurs), scoreByKind(testTheirs));
    if (values.verbose) printMisses(ours, papers);

    let pass: boolean;
    if (scale) {
      pass = meetsTarget(scoreByKind(testOurs), scoreByKind(testTheirs), TARGET_SCALE_MRR);
    } else {
      // Judged by hand labels at both ends (issue 13); npm run eval:related adds TF-IDF and more papers.
      const related = await evaluateProductRelated(db, loadJudgedSeeds());
      printRelatedTable(`Related papers (top 5 of ${related.papers} seed papers), share on topic by the hand labels:`, [
        ["paper page (Meilisearch)", related.meilisearch],
        ["Meilisearch, vectors only", related.vectorsOnly],
        ["database fallback", related.fallback],
        ["random", related.random],
      ]);
      pass =
        meetsTarget(scoreByKind(ours), scoreByKind(theirs), TARGET_MRR) &&
        items.length >= 40 &&
        related.meilisearch.all.share > related.random.all.share;
    }
    return pass ? 0 : 1;
  });
});

type Run = KnownItem & { results: string[] };

/** At least the target MRR overall, and at least the baseline in every kind; says which. */
function meetsTarget(ours: KindScore[], bm25: KindScore[], target: number): boolean {
  const all = ours.find((s) => s.kind === "all")!;
  const behind = ours.filter((s) => s.mrr < (bm25.find((b) => b.kind === s.kind)?.mrr ?? 0));
  const pass = all.mrr >= target && behind.length === 0;
  console.log(
    pass
      ? `\nPASS: MRR ${all.mrr.toFixed(3)} ≥ ${target}, at least the baseline in every kind.`
      : `\nFAIL: MRR ${all.mrr.toFixed(3)} (target ${target})${behind.length ? `; behind the baseline in ${behind.map((b) => b.kind).join(", ")}` : ""}.`,
  );
  return pass;
}

function printMisses(runs: Run[], papers: { slug: string; title: string }[]) {
  const titleOf = new Map(papers.map((p) => [p.slug, p.title]));
  console.log("\nQueries whose paper did not come first:");
  for (const r of runs) {
    const rank = r.results.indexOf(r.target) + 1;
    if (rank === 1) continue;
    const first = r.results[0] ? titleOf.get(r.results[0]) : "(nothing)";
    console.log(`  ${r.split.padEnd(5)} ${r.kind.padEnd(10)} rank ${rank || ">10"}: "${r.query}" → first: ${first}`);
  }
}

function printTable(title: string, ours: KindScore[], bm25: KindScore[]) {
  console.log(`\nKnown-item search: ${title}. MRR@10 and success@1:`);
  console.log(
    `  ${"kind".padEnd(12)} ${"n".padStart(3)}   ${"Paperdex MRR".padStart(12)} ${"S@1".padStart(6)}   ${"BM25 MRR".padStart(9)} ${"S@1".padStart(6)}`,
  );
  for (const row of ours) {
    const base = bm25.find((b) => b.kind === row.kind)!;
    console.log(
      `  ${row.kind.padEnd(12)} ${String(row.queries).padStart(3)}   ${row.mrr.toFixed(3).padStart(12)} ${row.successAt1.toFixed(2).padStart(6)}   ${base.mrr.toFixed(3).padStart(9)} ${base.successAt1.toFixed(2).padStart(6)}`,
    );
  }
}
