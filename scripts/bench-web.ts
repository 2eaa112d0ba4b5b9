// npm run bench:web: Lighthouse (performance and accessibility) on the home page, a search,
// a paper page, trends and the personal pages (lists, saved searches, a shared list) of the
// production app, run on the seeds with Debian's Chromium. Adds its
// scores to bench/results.json, next to the figures of `npm run bench`.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { freePort } from "@/scripts/lib/free-port";
import { waitUntil } from "@/lib/wait-until";
import { mergeResults } from "./lib/bench-results";
import { run } from "./lib/cli";

const DATA_DIR = path.resolve("tmp/bench-web");
const RUNS = 3;

type Scores = { performance: number; accessibility: number };
type Audited = Scores & { runs: Scores[]; failing: string[] };

/** Median of RUNS Lighthouse runs (its scores vary from run to run), on a fresh Chromium each. */
async function audit(url: string, formFactor: "mobile" | "desktop"): Promise<Audited> {
  const runs: Scores[] = [];
  const failing = new Set<string>();
  for (let i = 0; i < RUNS; i++) {
    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    try {
      const result = await lighthouse(
        url,
        { port: chrome.port, logLevel: "error", output: "json", onlyCategories: ["performance", "accessibility"] },
        formFactor === "desktop" ? (await import("lighthouse/core/config/desktop-config.js")).default : undefined,
      );
      const categories = result?.lhr.categories;
      if (!categories) throw new Error(`Lighthouse returned no result for ${url}`);
      const score = (key: string) => Math.round((categories[key]?.score ?? 0) * 100);
      runs.push({ performance: score("performance"), accessibility: score("accessibility") });
      // Audits that cost points, by name, so that a low score says what to fix.
      for (const category of Object.values(categories)) {
        for (const ref of category.auditRefs) {
          const audit = result.lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 0.9) failing.add(`${category.id}: ${audit.title}`);
        }
      }
    } finally {
      chrome.kill();
    }
  }
  const median = (key: keyof Scores) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  return { performance: median("performance"), accessibility: median("accessibility"), runs, failing: [...failing] };
}

run(async () => {
  const { values } = parseArgs({ options: { "form-factor": { type: "string", default: "mobile" } } });
  const formFactor = values["form-factor"] === "desktop" ? "desktop" : "mobile";
  const port = await freePort();
  const meiliPort = await freePort();
  rmSync(DATA_DIR, { recursive: true, force: true });
  console.log("Starting the app on the seeds (npm start on a throwaway data folder)…");
  const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", String(port)], {
    env: { ...process.env, PAPERDEX_DATA_DIR: DATA_DIR, MEILI_PORT: String(meiliPort), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitUntil(
      () =>
        fetch(`${base}/api/health`).then(
          (r) => (r.ok ? true : undefined),
          () => undefined,
        ),
      { timeoutMs: 300_000, intervalMs: 500, what: `the app to answer ${base}/api/health` },
    );
    const papers = (await (await fetch(`${base}/api/papers?perPage=1`)).json()) as { papers?: { slug: string }[] };
    const slug = papers.papers?.[0]?.slug;
    if (!slug) throw new Error("the app lists no paper to audit");
    const pages = {
      browse: "/",
      search: "/search?q=diffusion",
      paper: `/papers/${slug}`,
      trends: "/trends",
      lists: "/lists",
      saved: "/saved",
      sharedList: `/list?name=Shared&paper=${slug}`,
    };
    const web: Record<string, Audited & { url: string }> = {};
    for (const [name, route] of Object.entries(pages)) {
      console.log(`Lighthouse (${formFactor}, ${RUNS} runs): ${route}`);
      web[name] = { url: route, ...(await audit(`${base}${route}`, formFactor)) };
    }
    const lowest = (key: keyof Scores) => Math.min(...Object.values(web).map((w) => w[key]));
    mergeResults({
      lighthouse_performance_min: lowest("performance"),
      lighthouse_accessibility_min: lowest("accessibility"),
      web: { measuredAt: new Date().toISOString(), formFactor, lighthouse: "12", pages: web },
    });
    console.log("\n| page | performance | accessibility |\n| --- | ---: | ---: |");
    for (const [name, w] of Object.entries(web)) console.log(`| ${name} (${w.url}) | ${w.performance} | ${w.accessibility} |`);
    for (const [name, w] of Object.entries(web)) for (const f of w.failing) console.log(`  ${name} — ${f}`);
    console.log("\nWrote bench/results.json");
  } finally {
    app.kill("SIGTERM");
    await new Promise((r) => app.once("exit", r));
  }
});
