// npm start / npm run dev: the whole product on the embedded defaults, in one process tree.
// Migrates the SQLite database, starts Meilisearch (unless MEILI_URL points elsewhere),
// ingests seeds/, builds the app when its sources changed, and serves it. Ctrl-C stops all.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { dataDir, databaseUrl, env, searchConnection } from "@/lib/env";
import { ingestFiles } from "@/lib/ingest/ingest";
import { deployMigrations } from "@/lib/migrations/migrate";
import { indexName, adminClient } from "@/lib/meilisearch/client";
import { keyProblem } from "@/lib/meilisearch/key-check";
import { ensureScopedKeys } from "@/lib/meilisearch/keys";
import { startLocalServer, type LocalServer } from "@/lib/meilisearch/local-server";
import { buildIsStale, NEXT_BIN } from "./lib/build";
import { fail, formatMs } from "./lib/cli";

const { values } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    port: { type: "string", default: process.env.PORT ?? "3000" },
    "skip-ingest": { type: "boolean", default: false },
  },
});

let meili: LocalServer | undefined;
let app: ChildProcess | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log("\nStopping…");
    app?.kill("SIGTERM");
    await meili?.stop();
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

function step(message: string) {
  console.log(`▸ ${message}`);
}

async function main() {
  const config = env();
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--port must be a port number, not "${values.port}"`, 2);
  console.log(`Paperdex — data in ${dataDir(config)}`);

  step("Applying database migrations");
  const applied = await deployMigrations(databaseUrl(config));
  console.log(`  ${applied.length ? `applied ${applied.join(", ")}` : "schema up to date"}`);

  const connection = searchConnection(config);
  if (connection.local) {
    step(`Starting Meilisearch on 127.0.0.1:${config.MEILI_PORT}`);
    meili = await startLocalServer({
      dataDir: dataDir(config),
      port: config.MEILI_PORT,
      masterKey: config.MEILI_MASTER_KEY,
      binary: config.MEILI_BINARY,
    });
    console.log(`  ready (log: ${path.join(dataDir(config), "meilisearch.log")})`);
  } else {
    step(`Using Meilisearch at ${connection.host}`);
    await adminClient()
      .health()
      .catch((error: Error) => {
        throw new Error(`Meilisearch at ${connection.host} does not answer (${error.message}). Check MEILI_URL.`);
      });
    if (!values["skip-ingest"]) {
      const problem = await keyProblem(connection.host, searchConnection(config, "admin").apiKey, "admin", indexName());
      if (problem) throw new Error(problem);
    }
  }

  if (!values["skip-ingest"]) {
    step("Ingesting seeds/");
    const files = readdirSync("seeds")
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .map((f) => `seeds/${f}`);
    const summary = await ingestFiles(
      { db: db(), search: adminClient(), indexUid: indexName() },
      { files },
      {
        phrasesBackfill: (papers) =>
          console.log(`  Making the key phrases (for /trends) of ${papers} papers stored before they existed (once)…`),
      },
    );
    console.log(
      `  ${summary.entries} entries: ${summary.newPapers} new, ${summary.updatedPapers} updated papers; ` +
        `${summary.indexed} sent to the index (${formatMs(summary.ms)})`,
    );
    if (summary.indexError) throw new Error(`indexing failed: ${summary.indexError}`);
    if (summary.failedFiles) console.warn(`  ${summary.failedFiles} seed file(s) failed: run \`npm run ingest\` to see why`);
  }

  const childEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (!meili) {
    // A remote Meilisearch: the web app gets the search key, never the admin or master key.
    const problem = await keyProblem(connection.host, config.MEILI_API_KEY, "search", indexName());
    if (problem) throw new Error(problem);
    delete childEnv.MEILI_ADMIN_KEY;
    delete childEnv.MEILI_MASTER_KEY;
  }
  if (meili) {
    // The web app gets keys that can only search, or only add papers, never the master key.
    const keys = await ensureScopedKeys(adminClient(), meili.masterKey, indexName());
    Object.assign(childEnv, { MEILI_URL: meili.url, MEILI_API_KEY: keys.searchKey, MEILI_WRITE_KEY: keys.writeKey });
    delete childEnv.MEILI_MASTER_KEY;
  }
  if (!values.dev && buildIsStale()) {
    step("Building the web app (first run, or sources changed)");
    const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: childEnv });
    if (build.status !== 0) throw new Error("next build failed (see above)");
  }

  step(`Serving http://localhost:${port}  (Ctrl-C stops everything)`);
  app = spawn(process.execPath, [NEXT_BIN, values.dev ? "dev" : "start", "-p", String(port)], {
    stdio: "inherit",
    env: childEnv,
  });
  app.on("exit", (code) => {
    if (!stopping) void shutdown(code ?? 1);
  });
}

main().catch(async (error: Error) => {
  console.error(`\n✖ ${error.message}`);
  await shutdown(1);
});
