// npm run test:load: 32 concurrent connections for 30 s against /api/search and /search
// with mixed queries, on loopback, against the real app on a throwaway data folder.
// Passes with zero errors; prints p50/p99 and the app's memory before and after, and writes
// them to bench/load.json.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import autocannon from "autocannon";
import { run } from "./lib/cli";

const PORT = Number(process.env.LOAD_PORT ?? 3300);
const MEILI_PORT = Number(process.env.LOAD_MEILI_PORT ?? 7730);
const DATA_DIR = "tmp/load-data";
const DURATION_S = Number(process.env.LOAD_DURATION_S ?? 30);
const CONNECTIONS = 32;
const BASE = `http://127.0.0.1:${PORT}`;

const QUERIES = [
  "lora",
  "difusion memorizaton",
  "large language model reasoning",
  "graph neural network",
  "quantization",
  "mixture of experts routing",
  "in-context learning",
  "retrieval augmented generation",
  "knowledge distillation",
  "continual learning forgetting",
  "PEFT for code generation with LLMs",
  "concept erasure text-to-image",
];
const PATHS = QUERIES.flatMap((q, i) => [
  `/api/search?q=${encodeURIComponent(q)}${i % 3 === 0 ? "&topic=large-language-models&topic=reasoning" : ""}`,
  `/search?q=${encodeURIComponent(q)}${i % 4 === 0 ? "&hasCode=true&sort=newest" : ""}`,
]);

async function health(): Promise<{ app: { rssMb: number } } | null> {
  try {
    const response = await fetch(`${BASE}/api/health`);
    return response.ok ? ((await response.json()) as { app: { rssMb: number } }) : null;
  } catch {
    return null;
  }
}

run(async () => {
  rmSync(DATA_DIR, { recursive: true, force: true });
  const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", String(PORT)], {
    env: { ...process.env, PAPERDEX_DATA_DIR: DATA_DIR, MEILI_PORT: String(MEILI_PORT), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  try {
    const deadline = Date.now() + 300_000;
    let before = await health();
    while (!before && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1_000));
      before = await health();
    }
    if (!before) throw new Error("the app did not come up");
    // Warm up every route once so the first requests do not measure compilation or caches.
    for (const path of PATHS) await fetch(`${BASE}${path}`).then((r) => r.text());
    const warm = (await health())!;

    console.log(`\nLoad: ${CONNECTIONS} connections for ${DURATION_S} s over ${PATHS.length} URLs…`);
    let next = 0;
    const result = await autocannon({
      url: BASE,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [{ setupRequest: (req) => ({ ...req, path: PATHS[next++ % PATHS.length]! }) }],
    });
    const after = (await health())!;
    const errors = result.errors + result.timeouts + result.non2xx;
    const figures = {
      measuredAt: new Date().toISOString(),
      connections: CONNECTIONS,
      durationS: DURATION_S,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      errors: { errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx },
      appRssMb: { beforeWarmup: before.app.rssMb, before: warm.app.rssMb, after: after.app.rssMb },
    };
    mkdirSync("bench", { recursive: true });
    writeFileSync("bench/load.json", `${JSON.stringify(figures, null, 2)}\n`);
    console.log(
      [
        `requests     ${figures.requests} (${Math.round(figures.requestsPerSecond)}/s)`,
        `latency      p50 ${figures.latencyMs.p50} ms, p99 ${figures.latencyMs.p99} ms, max ${figures.latencyMs.max} ms`,
        `errors       ${errors} (errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx})`,
        `app memory   ${warm.app.rssMb} MB before, ${after.app.rssMb} MB after`,
      ].join("\n"),
    );
    if (errors > 0) {
      console.error("\n✖ The load test saw errors.");
      return 1;
    }
    console.log("\nPASS: no errors under load.");
    return 0;
  } finally {
    app.kill("SIGTERM");
    await new Promise((r) => app.once("exit", r));
  }
});
