// npm run test:load: the real app (`npm start` on a throwaway data folder) under 32 concurrent
// connections on loopback, over mixed /api/search and /search requests, against a Meilisearch
// this script runs itself so that it can kill it. Two phases:
// 1. steady (30 s): zero errors, and every answer from Meilisearch: a search that timed out
//    and was answered by the database fallback is a 200, but it is a failure here;
// 2. outage (40 s): Meilisearch killed (SIGKILL) after 10 s and started again after 25 s:
//    zero 5xx, every request sent and answered while it is down answered by the fallback, every request
//    sent once it is back answered by Meilisearch again, the app never restarted.
// Each answer says which engine answered: /api/search its `engine`, /search its
// data-search-engine attribute. Prints the figures and writes them to bench/load.json.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { createSearchClient } from "@/lib/meilisearch/client";
import { ensureScopedKeys } from "@/lib/meilisearch/keys";
import { startLocalServer, type LocalServer } from "@/lib/meilisearch/local-server";
import { sleep, waitUntil } from "@/lib/wait-until";
import { run } from "./lib/cli";
import { freePort } from "./lib/free-port";

const PORT = Number(process.env.LOAD_PORT ?? 3300);
const DATA_DIR = "tmp/load-data";
const STEADY_S = Number(process.env.LOAD_DURATION_S ?? 30);
const OUTAGE_S = 40;
const KILL_AFTER_S = 10;
const RESTART_AFTER_S = 25;
const CONNECTIONS = 32;
const BASE = `http://127.0.0.1:${PORT}`;
const INDEX = "papers";

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

type Engine = "meilisearch" | "database" | "none";

/** Which engine answered: /api/search says it in its JSON, /search in an attribute. */
function engineOf(body: string): Engine {
  const engine = (body.match(/"engine":"([a-z]+)"/) ?? body.match(/data-search-engine="([a-z]+)"/))?.[1];
  return engine === "meilisearch" || engine === "database" ? engine : "none";
}

interface Answer {
  /** When the request was sent and when its answer came (ms since the epoch). */
  sentAt: number;
  answeredAt: number;
  status: number;
  engine: Engine;
}

/** Runs autocannon over PATHS, recording each answer with the time its request was sent. */
async function load(durationS: number) {
  const answers: Answer[] = [];
  let next = 0;
  const result = await autocannon({
    url: BASE,
    connections: CONNECTIONS,
    duration: durationS,
    requests: [
      {
        // One request at a time per connection: the context set here is the one its answer sees.
        setupRequest: (request, context) => {
          (context as { sentAt?: number }).sentAt = Date.now();
          return { ...request, path: PATHS[next++ % PATHS.length]! };
        },
        onResponse: (status, body, context) => {
          answers.push({
            sentAt: (context as { sentAt: number }).sentAt,
            answeredAt: Date.now(),
            status,
            engine: engineOf(body),
          });
        },
      },
    ],
  });
  return { result, answers };
}

function tally(answers: Answer[]) {
  const by = (engine: Engine) => answers.filter((a) => a.engine === engine).length;
  return { answers: answers.length, meilisearch: by("meilisearch"), database: by("database"), none: by("none") };
}

async function health(): Promise<{ httpStatus: number; app: { rssMb: number } } | undefined> {
  try {
    const response = await fetch(`${BASE}/api/health`);
    return { httpStatus: response.status, ...((await response.json()) as { app: { rssMb: number } }) };
  } catch {
    return undefined;
  }
}

run(async () => {
  rmSync(DATA_DIR, { recursive: true, force: true });
  const meiliDir = path.join(DATA_DIR, "meilisearch");
  const masterKey = randomBytes(24).toString("base64url");
  const meiliPort = await freePort();
  const startMeili = () => startLocalServer({ dataDir: meiliDir, port: meiliPort, masterKey, binary: process.env.MEILI_BINARY });
  let meili: LocalServer = await startMeili();
  console.log(`Meilisearch for the load test: pid ${meili.process.pid}, ${meili.url}`);
  const keys = await ensureScopedKeys(createSearchClient({ host: meili.url, apiKey: masterKey, local: false }), masterKey, INDEX);

  // `npm start` with MEILI_URL: it ingests with the admin key and serves with the search key.
  const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", String(PORT)], {
    env: {
      ...process.env,
      PAPERDEX_DATA_DIR: DATA_DIR,
      MEILI_URL: meili.url,
      MEILI_ADMIN_KEY: masterKey,
      MEILI_API_KEY: keys.searchKey,
      MEILI_WRITE_KEY: keys.writeKey,
      MEILI_INDEX: INDEX,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const appExited = new Promise<void>((resolve) => app.once("exit", () => resolve()));
  // Ctrl-C (or a CI timeout) stops the app and Meilisearch too.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      app.kill("SIGTERM");
      void meili.stop().then(() => process.exit(130));
    });
  }
  const failures: string[] = [];
  try {
    const before = await waitUntil(
      async () => {
        if (app.exitCode !== null) throw new Error(`the app exited with code ${app.exitCode} before serving`);
        const h = await health();
        return h?.httpStatus === 200 ? h : undefined;
      },
      { timeoutMs: 300_000, intervalMs: 1_000, what: "the app to serve" },
    );
    // Warm up every route once so the first requests do not measure compilation or caches.
    for (const route of PATHS) await fetch(`${BASE}${route}`).then((r) => r.text());
    const warm = (await health())!;

    console.log(`\nPhase 1, steady: ${CONNECTIONS} connections for ${STEADY_S} s over ${PATHS.length} URLs…`);
    const steady = await load(STEADY_S);
    const afterSteady = (await health())!;
    const steadyErrors = steady.result.errors + steady.result.timeouts + steady.result.non2xx;
    const steadyEngines = tally(steady.answers);
    if (steadyErrors > 0) failures.push(`steady: ${steadyErrors} errors`);
    if (steadyEngines.meilisearch !== steadyEngines.answers) {
      failures.push(
        `steady: ${steadyEngines.database} answers came from the database fallback and ${steadyEngines.none} from no engine (all must come from Meilisearch)`,
      );
    }

    if (failures.length > 0) {
      console.error(
        `\nsteady: ${steady.result.requests.total} requests; errors ${steadyErrors}; answers from Meilisearch ` +
          `${steadyEngines.meilisearch}, fallback ${steadyEngines.database}, none ${steadyEngines.none}`,
      );
      console.error(`\n✖ The load test failed in phase 1 (phase 2 not run):\n${failures.map((f) => `  - ${f}`).join("\n")}`);
      return 1;
    }

    console.log(
      `\nPhase 2, outage: ${OUTAGE_S} s; Meilisearch killed after ${KILL_AFTER_S} s, started again after ${RESTART_AFTER_S} s…`,
    );
    const pid = app.pid;
    const started = Date.now();
    const outage = load(OUTAGE_S);
    await sleep(KILL_AFTER_S * 1_000);
    const exited = new Promise((resolve) => meili.process.once("exit", resolve));
    meili.process.kill("SIGKILL");
    await exited;
    const killedAt = Date.now();
    console.log(`  Meilisearch killed at ${((killedAt - started) / 1000).toFixed(1)} s`);
    await sleep(Math.max(0, started + RESTART_AFTER_S * 1_000 - Date.now()));
    const restartAt = Date.now();
    meili = await startMeili();
    const backAt = Date.now();
    console.log(`  Meilisearch answering again at ${((backAt - started) / 1000).toFixed(1)} s (pid ${meili.process.pid})`);
    const { result, answers } = await outage;

    // Sent after the kill and answered before the restart began: Meilisearch was dead for the
    // whole request, so only the fallback can have answered. (A request sent while it was
    // down but still queued in the app when it came back may rightly be answered by it.)
    const down = answers.filter((a) => a.sentAt >= killedAt && a.answeredAt < restartAt);
    const back = answers.filter((a) => a.sentAt >= backAt);
    const server5xx = answers.filter((a) => a.status >= 500).length;
    const firstBack = back.find((a) => a.engine === "meilisearch");
    if (server5xx > 0) failures.push(`outage: ${server5xx} answers were 5xx`);
    if (result.errors + result.timeouts + result.non2xx > 0) {
      failures.push(`outage: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`);
    }
    const downEngines = tally(down);
    const backEngines = tally(back);
    if (downEngines.answers === 0 || downEngines.database !== downEngines.answers) {
      failures.push(
        `outage: of ${downEngines.answers} requests sent and answered while Meilisearch was down, ${downEngines.database} came from the fallback`,
      );
    }
    if (backEngines.answers === 0 || backEngines.meilisearch !== backEngines.answers) {
      failures.push(
        `outage: of ${backEngines.answers} requests sent after it came back, ${backEngines.meilisearch} came from Meilisearch`,
      );
    }
    if (app.exitCode !== null || app.pid !== pid) failures.push("outage: the app stopped");
    const after = (await health())!;

    const figures = {
      measuredAt: new Date().toISOString(),
      connections: CONNECTIONS,
      steady: {
        durationS: STEADY_S,
        requests: steady.result.requests.total,
        requestsPerSecond: steady.result.requests.average,
        latencyMs: { p50: steady.result.latency.p50, p99: steady.result.latency.p99, max: steady.result.latency.max },
        errors: { errors: steady.result.errors, timeouts: steady.result.timeouts, non2xx: steady.result.non2xx },
        engines: steadyEngines,
      },
      outage: {
        durationS: OUTAGE_S,
        killedAtS: (killedAt - started) / 1000,
        backAtS: (backAt - started) / 1000,
        requests: result.requests.total,
        latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
        errors: { errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, server5xx },
        whileDown: downEngines,
        afterBack: backEngines,
        firstMeilisearchAnswerAfterBackMs: firstBack ? Math.max(0, firstBack.sentAt - backAt) : null,
      },
      appRssMb: {
        beforeWarmup: before.app.rssMb,
        before: warm.app.rssMb,
        afterSteady: afterSteady.app.rssMb,
        after: after.app.rssMb,
      },
    };
    mkdirSync("bench", { recursive: true });
    writeFileSync("bench/load.json", `${JSON.stringify(figures, null, 2)}\n`);
    const s = figures.steady;
    const o = figures.outage;
    console.log(
      [
        "",
        `steady       ${s.requests} requests (${Math.round(s.requestsPerSecond)}/s); p50 ${s.latencyMs.p50} ms, p99 ${s.latencyMs.p99} ms, max ${s.latencyMs.max} ms`,
        `             errors ${steadyErrors}; answers from Meilisearch ${s.engines.meilisearch}, fallback ${s.engines.database}, none ${s.engines.none}`,
        `outage       ${o.requests} requests; 5xx ${server5xx}, errors ${result.errors}, timeouts ${result.timeouts}`,
        `             sent and answered while down: ${downEngines.database}/${downEngines.answers} from the fallback; sent after it came back: ${backEngines.meilisearch}/${backEngines.answers} from Meilisearch`,
        `app memory   ${warm.app.rssMb} MB before, ${afterSteady.app.rssMb} MB after phase 1, ${after.app.rssMb} MB at the end`,
      ].join("\n"),
    );
    if (failures.length > 0) {
      console.error(`\n✖ The load test failed:\n${failures.map((f) => `  - ${f}`).join("\n")}`);
      return 1;
    }
    console.log("\nPASS: no errors, every answer from Meilisearch while it was up and from the fallback while it was down.");
    return 0;
  } finally {
    if (app.exitCode === null) app.kill("SIGTERM");
    await appExited;
    await meili.stop();
  }
});
