// npm run eval:search: known-item queries against Paperdex's search (the same code as
// /api/search) next to a plain BM25 baseline (SQLite FTS5) over the same papers, measured in
// the same run on a throwaway database and Meilisearch.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { createDb } from "@/lib/db";
import { normalizeTitle } from "@/lib/digest";
import { ingestFiles } from "@/lib/ingest/ingest";
import { deployMigrations } from "@/lib/migrations/migrate";
import { Bm25Baseline } from "@/scripts/eval/bm25-baseline";
import { createSearchClient } from "@/lib/meilisearch/client";
import { scoreByKind, type KindScore } from "@/scripts/eval/known-item-metrics";
import { startLocalServer } from "@/lib/meilisearch/local-server";
import { searchParamsSchema } from "@/lib/search/params";
import { searchPapers } from "@/lib/search/search";
import { similarToPaper } from "@/lib/search/similar";
import { freePort } from "@/scripts/lib/free-port";
import { run } from "./lib/cli";

const QUERIES_FILE = "tests/search/known-items.json";
const TARGET_MRR = 0.95;
const querySchema = z.object({ queries: z.array(z.object({ kind: z.string(), query: z.string(), title: z.string() })) });

run(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "paperdex-eval-search-"));
  const server = await startLocalServer({ dataDir: dir, port: await freePort(), masterKey: "eval-search-master-key" });
  try {
    const databaseUrl = `file:${path.join(dir, "eval.db")}`;
    Object.assign(process.env, {
      DATABASE_URL: databaseUrl,
      MEILI_URL: server.url,
      MEILI_API_KEY: server.masterKey,
      MEILI_INDEX: "papers",
    });
    await deployMigrations(databaseUrl);
    const db = createDb(databaseUrl);
    const search = createSearchClient({ host: server.url, apiKey: server.masterKey, local: false }, 30_000);
    const seeds = readFileSyncList("seeds");
    await ingestFiles({ db, search, indexUid: "papers" }, { files: seeds });

    const papers = await db.paper.findMany({ select: { slug: true, title: true, abstract: true } });
    const slugByTitle = new Map(papers.map((p) => [normalizeTitle(p.title), p.slug]));
    const { queries } = querySchema.parse(JSON.parse(readFileSync(QUERIES_FILE, "utf8")));
    const items = queries.map((q) => {
      const target = slugByTitle.get(normalizeTitle(q.title));
      if (!target) throw new Error(`${QUERIES_FILE}: no seed paper is titled "${q.title}"`);
      return { ...q, target };
    });

    const baseline = new Bm25Baseline(papers);
    const ours: { kind: string; results: string[]; target: string; query: string }[] = [];
    const theirs: typeof ours = [];
    for (const item of items) {
      const result = await searchPapers(searchParamsSchema.parse({ q: item.query, perPage: "10" }));
      ours.push({ ...item, results: result.hits.map((h) => h.slug) });
      theirs.push({ ...item, results: baseline.search(item.query) });
    }
    baseline.close();

    const paperdex = scoreByKind(ours);
    const bm25 = scoreByKind(theirs);
    printTable(paperdex, bm25);
    if (process.argv.includes("--verbose")) {
      for (const r of ours) {
        const rank = r.results.indexOf(r.target) + 1;
        if (rank !== 1)
          console.log(`  ${r.kind.padEnd(11)} rank ${rank || ">10"}: "${r.query}" → first: ${r.results[0] ?? "(none)"}`);
      }
    }

    const related = await evaluateRelated(db);
    console.log(
      `\nRelated papers (top 5 from Meilisearch's similar-documents endpoint, ${related.papers} papers):\n` +
        `  sharing a topic with the paper: ${(100 * related.share).toFixed(1)}%   random baseline: ${(100 * related.random).toFixed(1)}%`,
    );

    const all = paperdex.find((s) => s.kind === "all")!;
    const behind = paperdex.filter((s) => s.mrr < (bm25.find((b) => b.kind === s.kind)?.mrr ?? 0));
    const pass = all.mrr >= TARGET_MRR && behind.length === 0 && items.length >= 40 && related.share > related.random;
    console.log(
      pass
        ? `\nPASS: MRR ${all.mrr.toFixed(3)} ≥ ${TARGET_MRR}, at least the baseline in every kind.`
        : `\nFAIL: MRR ${all.mrr.toFixed(3)} (target ${TARGET_MRR})${behind.length ? `; behind the baseline in ${behind.map((b) => b.kind).join(", ")}` : ""}.`,
    );
    await db.$disconnect();
    return pass ? 0 : 1;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Share of related papers that share a topic, against picking papers at random. */
async function evaluateRelated(db: ReturnType<typeof createDb>) {
  const papers = await db.paper.findMany({ select: { slug: true, topics: { select: { topicSlug: true } } } });
  const topicsOf = new Map(papers.map((p) => [p.slug, new Set(p.topics.map((t) => t.topicSlug))]));
  const shares = (a: string, b: string) => [...topicsOf.get(a)!].some((t) => topicsOf.get(b)!.has(t));
  let hits = 0;
  let shown = 0;
  let random = 0;
  for (const paper of papers) {
    const similar = await similarToPaper(paper.slug, 5);
    shown += similar.length;
    hits += similar.filter((s) => shares(paper.slug, s.slug)).length;
    random += papers.filter((o) => o.slug !== paper.slug && shares(paper.slug, o.slug)).length / (papers.length - 1);
  }
  return { papers: papers.length, share: hits / Math.max(1, shown), random: random / papers.length };
}

function readFileSyncList(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => path.join(folder, f));
}

function printTable(ours: KindScore[], bm25: KindScore[]) {
  console.log(`\nKnown-item search (${QUERIES_FILE}), MRR@10 and success@1:`);
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
