import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { deployMigrations } from "@/lib/migrations/migrate";
import { waitUntil } from "@/lib/wait-until";
import { dropIndex } from "@/lib/indexing/tasks";
import { createSearchClient } from "@/lib/meilisearch/client";
import { ensureScopedKeys } from "@/lib/meilisearch/keys";
import { ensureAppBuild } from "../support/app-server";
import { runScript } from "../support/cli";
import { dropTestDatabase, testDatabaseUrl } from "../support/database";
import { SEED_FILES } from "../support/fixtures";
import { freePort } from "../../scripts/lib/free-port";

// Several app servers behind a load balancer: two `next start` processes on different ports,
// one PostgreSQL database, one Meilisearch. Papers ingested (and a topic corrected through
// one server) read the same through both. Runs with the PostgreSQL suite (npm run test:postgres).
// The keys' checks at start run on both databases: tests/integration/key-roles.test.ts.

const dir = mkdtempSync(path.join(os.tmpdir(), "paperdex-multi-"));
const databaseUrl = testDatabaseUrl("multi", dir);
const indexUid = `papers_multi_${process.pid}`;
const ADMIN_TOKEN = "multi-process-admin-token-0123";
const admin = createSearchClient({ host: inject("meiliUrl"), apiKey: inject("meiliKey"), local: false }, 30_000);
const servers: ChildProcess[] = [];
let bases: string[] = [];
let webEnv: Record<string, string> = {};

function startServer(port: number, env: Record<string, string>) {
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  return { child, output: () => output };
}

const waitUp = (base: string) =>
  waitUntil(
    () =>
      fetch(`${base}/api/health`).then(
        (r) => (r.ok ? true : undefined),
        () => undefined,
      ),
    { timeoutMs: 60_000, intervalMs: 500, what: `${base} to come up` },
  );

const getJson = async (url: string) => (await fetch(url)).json() as Promise<Record<string, unknown>>;

beforeAll(async () => {
  await ensureAppBuild();
  await deployMigrations(databaseUrl);
  // The ingest holds the admin key; the servers a search key and an add-documents key.
  const ingested = await runScript("ingest", SEED_FILES, {
    PAPERDEX_DATA_DIR: dir,
    DATABASE_URL: databaseUrl,
    MEILI_URL: inject("meiliUrl"),
    MEILI_ADMIN_KEY: inject("meiliKey"),
    MEILI_INDEX: indexUid,
  });
  expect(ingested.code, ingested.stderr).toBe(0);
  const keys = await ensureScopedKeys(admin, inject("meiliKey"), indexUid);
  webEnv = {
    PAPERDEX_DATA_DIR: dir,
    DATABASE_URL: databaseUrl,
    MEILI_URL: inject("meiliUrl"),
    MEILI_API_KEY: keys.searchKey,
    MEILI_WRITE_KEY: keys.writeKey,
    MEILI_INDEX: indexUid,
    ADMIN_TOKEN,
  };
  const ports = [await freePort(), await freePort()];
  for (const port of ports) servers.push(startServer(port, webEnv).child);
  bases = ports.map((p) => `http://127.0.0.1:${p}`);
  await Promise.all(bases.map(waitUp));
}, 300_000);

afterAll(async () => {
  for (const server of servers) server.kill("SIGTERM");
  await dropIndex(admin, indexUid);
  await dropTestDatabase(databaseUrl);
  rmSync(dir, { recursive: true, force: true });
});

describe("two app servers on one PostgreSQL and one Meilisearch", () => {
  it("answer the same searches, lists and papers", async () => {
    for (const route of [
      "/api/search?q=low-rank%20adaptation",
      "/api/search?q=difusion%20memorizaton&topic=generative-models",
      "/api/papers?perPage=50",
      "/api/topics",
    ]) {
      const [a, b] = await Promise.all(bases.map((base) => getJson(`${base}${route}`)));
      expect(a, route).toEqual(b);
    }
    const search = await getJson(`${bases[0]}/api/search?q=lora`);
    expect(search.engine).toBe("meilisearch");
    expect(search.total).toBeGreaterThan(0);
  });

  it("see a correction made through the other server", async () => {
    const slug = ((await getJson(`${bases[0]}/api/search?q=difusion%20memorizaton`)).hits as { slug: string }[])[0]!.slug;
    const topicsOf = async (base: string) =>
      ((await getJson(`${base}/api/papers/${slug}`)).topics as { slug: string }[]).map((t) => t.slug);
    const [topic] = await topicsOf(bases[1]!);
    const inTopic = async () =>
      ((await getJson(`${bases[1]}/api/search?q=difusion%20memorizaton&topic=${topic}`)).hits as { slug: string }[]).map(
        (h) => h.slug,
      );
    expect(await inTopic()).toContain(slug);

    const fix = await fetch(`${bases[0]}/api/papers/${slug}/topics`, {
      method: "POST",
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
      body: JSON.stringify({ action: "remove", topic }),
    });
    expect(fix.status, await fix.clone().text()).toBe(200);
    expect(await topicsOf(bases[1]!)).not.toContain(topic);
    expect(await inTopic()).not.toContain(slug);
  });
});
