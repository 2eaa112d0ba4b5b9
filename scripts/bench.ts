// npm run bench [-- --sizes 10000,74728]: performance at scale, each figure next to a
// baseline measured in the same run (ratios), written to bench/results.json.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { fitsDigest, readCorpus } from "@/scripts/lib/corpus-read";
import { writeCorpusDigests } from "@/scripts/lib/corpus-render";
import { createDb } from "@/lib/db";
import { decodeDigest, parseDigest } from "@/lib/digest";
import { ingestFiles } from "@/lib/ingest/ingest";
import { deployMigrations } from "@/lib/migrations/migrate";
import { dropIndex, ensureIndex, upsertDocuments } from "@/lib/indexing/tasks";
import { createSearchClient } from "@/lib/meilisearch/client";
import { ensureScopedKeys } from "@/lib/meilisearch/keys";
import { startLocalServer } from "@/lib/meilisearch/local-server";
import { indexedPapers } from "@/lib/indexing/sync";
import type { PaperDocument } from "@/lib/indexing/document";
import { freePort } from "@/scripts/lib/free-port";
import { waitUntil } from "@/lib/wait-until";
import { ARXIV_DAILY_FILE, corpusFile } from "@/scripts/lib/shared-corpus";
import { mergeResults } from "./lib/bench-results";
import { run } from "./lib/cli";

const ROOT = path.resolve("tmp/bench");
const MASTER_KEY = "bench-master-key-0123456789";
const QUERIES = [
  "lora",
  "diffusion models",
  "large language model reasoning",
  "graph neural network",
  "quantization",
  "mixture of experts",
  "in-context learning",
  "retrieval augmented generation",
  "knowledge distillation",
  "continual learning",
  "vision transformer segmentation",
  "reinforcement learning agents",
  "difusion memorizaton",
  "3d gaussian splatting",
  "speech recognition",
  "chain of thought",
];

/**
 * Queries that describe a paper rather than name it: most of them take the relaxed, re-ranked
 * path (lib/search/relaxation.ts), which runs up to six Meilisearch queries. Measured apart,
 * against the same text sent straight to Meilisearch as one query, so their cost is visible.
 */
const DESCRIBED_QUERIES = [
  "how can we detect hallucinations in large language model answers without labelled data",
  "training robots to grasp unseen objects from a few demonstrations",
  "which benchmark measures long context retrieval in language models",
  "compressing the key value cache of transformers for long sequences",
  "diffusion model that generates 3d scenes from a single photo",
  "can small models learn math reasoning from synthetic data",
  "federated learning with clients holding skewed label distributions",
  "speech recognition for low resource languages with self supervised pretraining",
];

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One HTTP request; resolves with the time to first byte and to the last byte, in ms. */
function timed(
  url: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<{ ttfb: number; total: number; status: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.request(url, { method: init.method ?? "GET", headers: init.headers, agent }, (response) => {
      const ttfb = performance.now() - started;
      response.on("data", () => {});
      response.on("end", () => resolve({ ttfb, total: performance.now() - started, status: response.statusCode ?? 0 }));
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed just as it was reused (a race Node documents):
      // the request never reached the server, so it is sent again on a fresh socket.
      if (request.reusedSocket && error.code === "ECONNRESET") return resolve(timed(url, init));
      reject(new Error(`${init.method ?? "GET"} ${url}: ${error.message}`, { cause: error }));
    });
    request.end(init.body);
  });
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
};
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Runs `total` requests from `clients` concurrent loops; latency percentiles and throughput. */
async function load(clients: number, total: number, request: (i: number) => Promise<{ total: number; status: number }>) {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const i = next++;
        const result = await request(i);
        if (result.status >= 400) errors++;
        latencies.push(result.total);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { p50: round(percentile(latencies, 0.5)), p95: round(percentile(latencies, 0.95)), rps: round(total / seconds), errors };
}

type Request = (i: number) => Promise<{ total: number; status: number }>;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
};

/**
 * The API against Meilisearch directly, in alternating rounds (API, direct, API, direct…):
 * the machine's speed drifts during a run, and rounds taken side by side see the same drift.
 * Ratios are the median of the rounds' ratios; the figures are the median round's.
 */
async function compare(clients: number, perRound: number, rounds: number, api: Request, direct: Request) {
  const pairs: { api: Awaited<ReturnType<typeof load>>; direct: Awaited<ReturnType<typeof load>> }[] = [];
  for (let r = 0; r < rounds; r++)
    pairs.push({ api: await load(clients, perRound, api), direct: await load(clients, perRound, direct) });
  const p95Ratio = median(pairs.map((p) => p.api.p95 / p.direct.p95));
  const rpsRatio = median(pairs.map((p) => p.api.rps / p.direct.rps));
  const middle = [...pairs].sort((a, b) => a.api.p95 / a.direct.p95 - b.api.p95 / b.direct.p95)[Math.floor(rounds / 2)]!;
  return { ...middle, p95Ratio: round(p95Ratio, 2), rpsRatio: round(rpsRatio, 2), rounds: pairs };
}

function peakRssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return round(Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

function dirSizeMb(dir: string): number {
  let bytes = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      const s = statSync(full);
      if (s.isDirectory()) walk(full);
      else bytes += s.size;
    }
  };
  if (existsSync(dir)) walk(dir);
  return round(bytes / 1024 / 1024);
}

/** The Next.js server process started by `next start` (a child of the spawned CLI). */
function childPids(pid: number): number[] {
  const out = spawnSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" }).stdout;
  return out
    .split("\n")
    .map((s) => Number(s.trim()))
    .filter(Boolean);
}

/**
 * Gzipped size of the scripts a page makes a browser load: every <script src>, except the
 * `noModule` polyfills, which browsers that run modules (all current ones) never fetch.
 */
function scriptsKb(html: string, distDir: string): number {
  const scripts = [...html.matchAll(/<script([^>]+)>/g)]
    .filter((m) => !/\snoModule/i.test(m[1]!))
    .map((m) => /\ssrc="([^"]+\.js)"/.exec(m[1]!)?.[1])
    .filter((src): src is string => src !== undefined);
  let bytes = 0;
  for (const src of new Set(scripts)) {
    const file = path.join(distDir, src.replace(/^\/_next\//, "").split("?")[0]!);
    if (existsSync(file)) bytes += gzipSync(readFileSync(file)).length;
  }
  return round(bytes / 1024);
}

async function firstLoadJsKb(base: string, route: string): Promise<number> {
  return scriptsKb(await (await fetch(`${base}${route}`)).text(), ".next");
}

/**
 * The same measure on an empty Next.js app (one static page, no client code) built with the
 * installed next and react: what any page of any app on this stack loads at least.
 */
function blankAppJsKb(): number {
  const dir = path.join(ROOT, "blank-app");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "app"), { recursive: true });
  writeFileSync(path.join(dir, "package.json"), '{ "name": "blank", "private": true }\n');
  writeFileSync(path.join(dir, "next.config.mjs"), "export default {};\n");
  writeFileSync(
    path.join(dir, "app/layout.jsx"),
    'export default function Layout({ children }) { return <html lang="en"><body>{children}</body></html>; }\n',
  );
  writeFileSync(path.join(dir, "app/page.jsx"), "export default function Page() { return <main><h1>Blank</h1></main>; }\n");
  const build = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error(`the blank Next.js app did not build:\n${build.stdout}${build.stderr}`);
  return scriptsKb(readFileSync(path.join(dir, ".next/server/app/index.html"), "utf8"), path.join(dir, ".next"));
}

async function benchSize(size: number, corpus: string) {
  console.log(`\n=== ${size.toLocaleString("en-US")} papers ===`);
  const dir = path.join(ROOT, String(size));
  rmSync(dir, { recursive: true, force: true });
  const { records } = await readCorpus(size, fitsDigest, corpus);
  const files = writeCorpusDigests(records, path.join(dir, "digests"));

  // Parse throughput against just reading the files.
  let bytes = 0;
  let started = performance.now();
  for (const f of files) bytes += readFileSync(f).length;
  const readMs = performance.now() - started;
  started = performance.now();
  for (const f of files) {
    const decoded = decodeDigest(readFileSync(f));
    if (decoded.ok) parseDigest(decoded.text);
  }
  const parseMs = performance.now() - started;
  const mb = bytes / 1024 / 1024;

  const port = await freePort();
  const dataDir = path.join(dir, "data");
  const server = await startLocalServer({ dataDir, port, masterKey: MASTER_KEY });
  const search = createSearchClient({ host: server.url, apiKey: MASTER_KEY, local: false }, 60_000);
  const databaseUrl = `file:${path.join(dataDir, "paperdex.db")}`;
  // Ingest and direct indexing side by side, in rounds from scratch: one pair of runs of a
  // minute or two varies by ±15 % on these machines; the figures are the rounds' medians.
  const rounds = size >= 50_000 ? 2 : 3;
  const ingestRounds: { ingestS: number; directS: number; ratio: number }[] = [];
  let db = createDb(databaseUrl);
  try {
    for (let r = 0; r < rounds; r++) {
      await db.$disconnect();
      for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(path.join(dataDir, `paperdex.db${suffix}`), { force: true });
      await dropIndex(search, "papers");
      await deployMigrations(databaseUrl);
      db = createDb(databaseUrl);
      console.log(`  round ${r + 1}/${rounds}: ingest of ${files.length} files…`);
      started = performance.now();
      const summary = await ingestFiles({ db, search, indexUid: "papers" }, { files });
      const ingestMs = performance.now() - started;
      if (summary.indexError || summary.failedFiles)
        throw new Error(`ingest failed: ${summary.indexError ?? `${summary.failedFiles} files`}`);

      // Meilisearch alone: the same documents, built beforehand, sent to a fresh index.
      const documents: PaperDocument[] = [];
      for await (const batch of indexedPapers(db)) documents.push(...batch.map((p) => p.document));
      console.log(`  round ${r + 1}/${rounds}: direct indexing of ${documents.length} documents…`);
      started = performance.now();
      await ensureIndex(search, "direct");
      await upsertDocuments(search, "direct", documents);
      const directMs = performance.now() - started;
      await dropIndex(search, "direct");
      ingestRounds.push({
        ingestS: round(ingestMs / 1000),
        directS: round(directMs / 1000),
        ratio: round(ingestMs / directMs, 2),
      });
    }
    const ingest = {
      ingestS: round(median(ingestRounds.map((r) => r.ingestS))),
      directS: round(median(ingestRounds.map((r) => r.directS))),
      ratio: round(median(ingestRounds.map((r) => r.ratio)), 2),
    };

    // The app, on this data.
    const appPort = await freePort();
    // As in production, the app holds a search-only key (it refuses to start with more).
    const keys = await ensureScopedKeys(search, MASTER_KEY, "papers");
    const app: ChildProcess = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(appPort)], {
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        PAPERDEX_DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        MEILI_URL: server.url,
        MEILI_API_KEY: keys.searchKey,
        MEILI_WRITE_KEY: keys.writeKey,
      },
      stdio: "ignore",
    });
    const base = `http://127.0.0.1:${appPort}`;
    try {
      await waitUntil(
        () =>
          timed(`${base}/api/health`).then(
            (r) => (r.status === 200 ? true : undefined),
            () => undefined,
          ),
        { timeoutMs: 60_000, intervalMs: 500, what: `the app on ${base}` },
      );
      const slugs = (await db.paper.findMany({ select: { slug: true }, take: 50 })).map((p) => p.slug);
      // Warm-up, then measure.
      for (const q of [...QUERIES, ...DESCRIBED_QUERIES]) await timed(`${base}/api/search?q=${encodeURIComponent(q)}`);
      const directTo = (queries: string[]) => (i: number) =>
        timed(`${server.url}/indexes/papers/search`, {
          method: "POST",
          headers: { Authorization: `Bearer ${MASTER_KEY}`, "Content-Type": "application/json" },
          body: JSON.stringify({
            q: queries[i % queries.length],
            hitsPerPage: 20,
            page: 1,
            facets: ["topics", "digests", "hasCode"],
            attributesToCrop: ["abstract"],
            cropLength: 36,
            attributesToHighlight: ["title", "abstract"],
            matchingStrategy: "frequency",
          }),
        });
      const apiTo = (queries: string[]) => (i: number) =>
        timed(`${base}/api/search?q=${encodeURIComponent(queries[i % queries.length]!)}`);
      const search1 = await compare(1, 100, 3, apiTo(QUERIES), directTo(QUERIES));
      const search16 = await compare(16, 500, 5, apiTo(QUERIES), directTo(QUERIES));
      const described16 = await compare(16, 160, 3, apiTo(DESCRIBED_QUERIES), directTo(DESCRIBED_QUERIES));
      const ttfb = async (url: (i: number) => string) => {
        const times: number[] = [];
        for (let i = 0; i < 40; i++) times.push((await timed(url(i))).ttfb);
        return { p50: round(percentile(times, 0.5)), p95: round(percentile(times, 0.95)) };
      };
      const searchTtfb = await ttfb((i) => `${base}/search?q=${encodeURIComponent(QUERIES[i % QUERIES.length]!)}`);
      const paperTtfb = await ttfb((i) => `${base}/papers/${slugs[i % slugs.length]}`);
      // /trends, read from the database on every request: its server time is the whole answer
      // (to the last byte), target ≤ 200 ms. The default windows (the corpus's digests are
      // dated: the last 7 days against the 28 before), the JSON of the same, and the largest
      // windows the page offers.
      const serverMs = async (url: string) => {
        await timed(url);
        const times: number[] = [];
        for (let i = 0; i < 20; i++) times.push((await timed(url)).total);
        return { p50: round(percentile(times, 0.5)), p95: round(percentile(times, 0.95)) };
      };
      const trendsMs = {
        page: await serverMs(`${base}/trends`),
        api: await serverMs(`${base}/api/trends`),
        pageLargestWindows: await serverMs(`${base}/trends?window=days&recent=28&baseline=56`),
      };
      const js = {
        browse: await firstLoadJsKb(base, "/"),
        search: await firstLoadJsKb(base, "/search?q=lora"),
        paper: await firstLoadJsKb(base, `/papers/${slugs[0]}`),
      };
      const nextPid = childPids(app.pid!)[0] ?? app.pid;
      return {
        papers: await db.paper.count(),
        files: files.length,
        ingestS: ingest.ingestS,
        directIndexS: ingest.directS,
        ingest_vs_direct_ratio: ingest.ratio,
        ingestRounds,
        parseMBs: round(mb / (parseMs / 1000)),
        readMBs: round(mb / (readMs / 1000)),
        parse_vs_read_ratio: round(parseMs / readMs, 1),
        search1,
        search16,
        search_p95_vs_direct_ratio: search16.p95Ratio,
        search_throughput_vs_direct: search16.rpsRatio,
        described16,
        ttfbMs: { search: searchTtfb, paper: paperTtfb },
        trendsMs,
        firstLoadJsKb: js,
        peakRssMb: { app: Math.max(peakRssMb(nextPid), peakRssMb(app.pid)), meilisearch: peakRssMb(server.process.pid) },
        sizeMb: {
          database: round(statSync(path.join(dataDir, "paperdex.db")).size / 1024 / 1024),
          index: dirSizeMb(path.join(dataDir, "meili")),
        },
      };
    } finally {
      app.kill("SIGTERM");
    }
  } finally {
    await db.$disconnect();
    await server.stop();
  }
}

run(async () => {
  const { values } = parseArgs({ options: { sizes: { type: "string", default: "10000,74728" } } });
  const sizes = values.sizes.split(",").map(Number);
  const corpus = corpusFile(ARXIV_DAILY_FILE, "npm run bench");
  // A production build to measure; built once when missing.
  if (!existsSync(".next/BUILD_ID"))
    spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
  const runs: Record<string, Awaited<ReturnType<typeof benchSize>>> = {};
  for (const size of sizes) {
    runs[size] = await benchSize(size, corpus);
    console.log(JSON.stringify(runs[size], null, 2));
  }
  const largest = runs[Math.max(...sizes)]!;
  console.log("\nBuilding an empty Next.js app for the JavaScript baseline…");
  const blankJsKb = blankAppJsKb();
  const results = {
    measuredAt: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.version}`,
    ingest_vs_direct_ratio: largest.ingest_vs_direct_ratio,
    search_p95_vs_direct_ratio: largest.search_p95_vs_direct_ratio,
    search_throughput_vs_direct: largest.search_throughput_vs_direct,
    first_load_js_kb_search: largest.firstLoadJsKb.search,
    first_load_js_kb_blank_next_app: blankJsKb,
    trends_page_server_ms_p95: largest.trendsMs.page.p95,
    targets: {
      ingest_vs_direct_ratio: "≤ 1.15",
      search_p95_vs_direct_ratio: "≤ 1.25",
      search_throughput_vs_direct: "≥ 0.8",
      first_load_js_kb_search: "≤ 120",
      trends_page_server_ms_p95: "≤ 200",
    },
    runs,
  };
  mergeResults(results);
  console.log(
    "\n| papers | ingest s | direct s | ratio | parse MB/s | read MB/s | API p95 16c ms | direct p95 ms | p95 ratio | rps ratio | /search TTFB p50 | JS kB (search) |",
  );
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const [size, r] of Object.entries(runs)) {
    console.log(
      `| ${size} | ${r.ingestS} | ${r.directIndexS} | ${r.ingest_vs_direct_ratio} | ${r.parseMBs} | ${r.readMBs} | ${r.search16.api.p95} | ${r.search16.direct.p95} | ${r.search_p95_vs_direct_ratio} | ${r.search_throughput_vs_direct} | ${r.ttfbMs.search.p50} | ${r.firstLoadJsKb.search} |`,
    );
  }
  console.log("\nQueries that describe a paper (relaxed and re-ranked when their best hits lack a word), 16 clients:");
  for (const [size, r] of Object.entries(runs))
    console.log(
      `  ${size} papers: API p95 ${r.described16.api.p95} ms, direct p95 ${r.described16.direct.p95} ms (ratio ${r.described16.p95Ratio}); throughput ratio ${r.described16.rpsRatio}`,
    );
  console.log("\n/trends server time (whole answer), p50 / p95 ms:");
  for (const [size, r] of Object.entries(runs))
    console.log(
      `  ${size} papers: page ${r.trendsMs.page.p50} / ${r.trendsMs.page.p95} (target p95 ≤ 200), /api/trends ${r.trendsMs.api.p50} / ${r.trendsMs.api.p95}, largest windows ${r.trendsMs.pageLargestWindows.p50} / ${r.trendsMs.pageLargestWindows.p95}`,
    );
  console.log(`\nFirst-load JavaScript of an empty Next.js app on the same next and react: ${blankJsKb} kB gzip.`);
  console.log("\nWrote bench/results.json");
});
