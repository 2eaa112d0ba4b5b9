import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb } from "@/lib/db";
import { dropIndex } from "@/lib/indexing/tasks";
import { ingestFiles } from "@/lib/ingest/ingest";
import { createSearchClient } from "@/lib/meilisearch/client";
import { ensureScopedKeys, type ScopedKeys } from "@/lib/meilisearch/keys";
import { deployMigrations } from "@/lib/migrations/migrate";
import { waitUntil } from "@/lib/wait-until";
import { ensureAppBuild, spawnApp, startApp } from "../support/app-server";
import { dropTestDatabase, testDatabaseUrl } from "../support/database";
import { SEED_FILES } from "../support/fixtures";
import { freePort } from "../../scripts/lib/free-port";

// Each Meilisearch key the product holds, checked where it is used: the web app (`next
// start` with MEILI_URL) refuses to start with a search key that is missing, wrong or able to
// do more than search, or with a write key that cannot add documents and read their tasks;
// `npm start` with MEILI_URL runs no Meilisearch of its own and hands the app only its keys.
// On the run's database: SQLite here, PostgreSQL in `npm run test:postgres`.

const dir = mkdtempSync(path.join(os.tmpdir(), "paperdex-keys-"));
const databaseUrl = testDatabaseUrl("keyroles", dir);
const indexUid = `papers_keys_${process.pid}`;
const ADMIN_TOKEN = "key-roles-admin-token-0123";
const meiliUrl = inject("meiliUrl");
const master = inject("meiliKey");
const admin = createSearchClient({ host: meiliUrl, apiKey: master, local: false }, 30_000);
let keys: ScopedKeys;
/** A key that may add documents but not read tasks (so a correction could never be confirmed). */
let addOnlyKey: string;
let base: Record<string, string | undefined>;

beforeAll(async () => {
  await ensureAppBuild();
  await deployMigrations(databaseUrl);
  const db = createDb(databaseUrl);
  await ingestFiles({ db, search: admin, indexUid }, { files: SEED_FILES });
  await db.$disconnect();
  keys = await ensureScopedKeys(admin, master, indexUid);
  addOnlyKey = (await admin.createKey({ actions: ["documents.add"], indexes: [indexUid], expiresAt: null })).key;
  base = {
    PAPERDEX_DATA_DIR: dir,
    DATABASE_URL: databaseUrl,
    MEILI_URL: meiliUrl,
    MEILI_INDEX: indexUid,
    MEILI_API_KEY: keys.searchKey,
    MEILI_WRITE_KEY: keys.writeKey,
    MEILI_ADMIN_KEY: undefined,
    MEILI_MASTER_KEY: undefined,
    ADMIN_TOKEN,
  };
}, 900_000);

afterAll(async () => {
  await dropIndex(admin, indexUid);
  await dropTestDatabase(databaseUrl);
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the web app with these settings and expects it to stop at once, saying why. */
async function refusal(env: Record<string, string | undefined>) {
  const app = spawnApp(await freePort(), { ...base, ...env });
  const code = await Promise.race([app.exited, new Promise<"running">((r) => setTimeout(() => r("running"), 60_000))]);
  await app.stop();
  return { code, output: app.output() };
}

describe("the web app's keys, checked when it starts", () => {
  it("refuses a missing, wrong or too powerful search key", async () => {
    for (const [key, message] of [
      [undefined, /MEILI_API_KEY is not set, and .* requires a key/],
      ["not-a-key", /MEILI_API_KEY is not accepted by/],
      [master, /MEILI_API_KEY can do more than search/],
      [keys.writeKey, /MEILI_API_KEY is not accepted by .*"search" action/],
    ] as const) {
      const { code, output } = await refusal({ MEILI_API_KEY: key });
      expect(code, output).toBe(1);
      expect(output).toMatch(message);
    }
  });

  it("refuses, when editing is on, a write key that cannot add documents or read their tasks", async () => {
    for (const key of [keys.searchKey, addOnlyKey, "not-a-key"]) {
      const { code, output } = await refusal({ MEILI_WRITE_KEY: key });
      expect(code, output).toBe(1);
      expect(output).toMatch(/MEILI_WRITE_KEY is not accepted by .*"documents\.add" and "tasks\.get"/);
    }
  });

  it("starts with the right keys, and an editor's correction reaches the index through the write key", async () => {
    const app = await startApp(base);
    try {
      const url = (route: string) => `${app.base}${route}`;
      expect((await fetch(url("/api/health"))).status).toBe(200);
      const search = (await (await fetch(url("/api/search?q=difusion%20memorizaton"))).json()) as {
        engine: string;
        hits: { slug: string; topics: string[] }[];
      };
      expect(search.engine).toBe("meilisearch");
      const { slug, topics } = search.hits[0]!;
      expect(topics.length).toBeGreaterThan(1);
      const topic = topics.at(-1)!;
      const inTopic = async () => {
        const response = await fetch(url(`/api/search?q=difusion%20memorizaton&topic=${topic}`));
        return ((await response.json()) as { hits: { slug: string }[] }).hits.map((h) => h.slug);
      };
      expect(await inTopic()).toContain(slug);

      const fix = await fetch(url(`/api/papers/${slug}/topics`), {
        method: "POST",
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
        body: JSON.stringify({ action: "remove", topic }),
      });
      expect(fix.status).toBe(200);
      // "Topics updated.", not "…search results will follow": the index took the change.
      expect(((await fix.json()) as { message: string }).message).toBe("Topics updated.");
      expect(await inTopic()).not.toContain(slug);
    } finally {
      await app.stop();
    }
  });

  it("starts without a write key when editing is on, and says corrections wait for the next ingest", async () => {
    const app = await startApp({ ...base, MEILI_WRITE_KEY: undefined });
    try {
      expect((await fetch(`${app.base}/api/health`)).status).toBe(200);
      expect(app.output()).toMatch(/MEILI_WRITE_KEY is not set: editors' corrections are saved/);
    } finally {
      await app.stop();
    }
  });
});

describe("npm start with MEILI_URL", () => {
  /** Runs scripts/start.ts; resolves when it serves (or exits), with a way to stop it. */
  async function npmStart(env: Record<string, string | undefined>, args: string[] = []) {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", String(port), ...args], {
      env: { ...process.env, ...base, ...env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    const appBase = `http://127.0.0.1:${port}`;
    const serving = await waitUntil(
      async () =>
        child.exitCode !== null
          ? false
          : fetch(`${appBase}/api/health`).then(
              () => true,
              () => undefined,
            ),
      { timeoutMs: 300_000, intervalMs: 250, what: "npm start to serve or exit" },
    );
    return {
      serving,
      appBase,
      output: () => output,
      async stop() {
        if (child.exitCode === null) child.kill("SIGTERM");
        return exited;
      },
    };
  }

  it("uses that Meilisearch (no process of its own), ingests with the admin key and serves with the search key", async () => {
    const dataDir = path.join(dir, "npm-start");
    const started = await npmStart({ PAPERDEX_DATA_DIR: dataDir, MEILI_ADMIN_KEY: master });
    try {
      expect(started.serving, started.output()).toBe(true);
      expect(started.output()).toContain(`Using Meilisearch at ${meiliUrl}`);
      expect(started.output()).not.toContain("Starting Meilisearch");
      expect(existsSync(path.join(dataDir, "meili"))).toBe(false);
      const search = (await (await fetch(`${started.appBase}/api/search?q=lora`)).json()) as { engine: string; total: number };
      expect(search.engine).toBe("meilisearch");
      expect(search.total).toBeGreaterThan(0);
    } finally {
      await started.stop();
    }
  });

  it("refuses to serve with a key that can do more than search, or with none", async () => {
    for (const [key, message] of [
      [master, /MEILI_API_KEY can do more than search/],
      [undefined, /MEILI_API_KEY is not set/],
    ] as const) {
      const started = await npmStart({ MEILI_API_KEY: key }, ["--skip-ingest"]);
      expect(started.serving).toBe(false);
      expect(await started.stop()).toBe(1);
      expect(started.output()).toMatch(message);
    }
  });
});
