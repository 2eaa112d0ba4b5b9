import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import { ingestFiles } from "@/lib/ingest/ingest";
import { deployMigrations } from "@/lib/migrations/migrate";
import { createSearchClient } from "@/lib/meilisearch/client";
import { ensureScopedKeys } from "@/lib/meilisearch/keys";
import { startLocalServer, type LocalServer } from "@/lib/meilisearch/local-server";
import { waitUntil } from "@/lib/wait-until";
import { ensureAppBuild, startApp, type AppServer } from "../support/app-server";
import { dropTestDatabase, testDatabaseUrl } from "../support/database";
import { SEED_FILES } from "../support/fixtures";
import { freePort } from "../../scripts/lib/free-port";

// The search engine going away and coming back, seen where users meet it: the real app
// (`next start`) over HTTP, on the run's database (SQLite, or PostgreSQL in the PostgreSQL
// run), against a Meilisearch of its own that this file stops and starts again.

const dir = mkdtempSync(path.join(os.tmpdir(), "paperdex-down-"));
const databaseUrl = testDatabaseUrl("down", dir);
const meiliPort = await freePort();
const masterKey = "search-down-master-key-01";
const INDEX = "papers";
const QUERY = "/search?q=memorization+diffusion&topic=generative-models";
const API_QUERY = `/api${QUERY}`;
const MEMCONTROL = "MemControl: Mitigating Memorization in Diffusion Models via Automated Parameter Selection";
const NOTICE = "The search engine is not answering: these results come from a simpler database search.";

let meili: LocalServer;
let app: AppServer;
const startMeili = () => startLocalServer({ dataDir: dir, port: meiliPort, masterKey, binary: process.env.MEILI_BINARY });

interface ApiSearch {
  engine: string;
  total: number;
  hits: { slug: string; title: string; topics: string[] }[];
  facets: { hasCode: { true: number; false: number } };
}

/** A page: its status, its HTML, and its text without tags (as a reader sees it, roughly). */
async function get(route: string) {
  const response = await fetch(`${app.base}${route}`);
  const html = await response.text();
  const body = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
  return { status: response.status, html, text: body.replace(/<[^>]+>/g, "").replaceAll("&amp;", "&") };
}
/** Whether a page shows a text (a boolean, so that a failure does not print the whole page). */
const shows = (page: { text: string }, text: string) => page.text.includes(text);
const getJson = async <T>(route: string) => {
  const response = await fetch(`${app.base}${route}`);
  return { status: response.status, body: (await response.json()) as T };
};
const engineOf = (page: { html: string }) => page.html.match(/data-search-engine="([a-z]+)"/)?.[1];

beforeAll(async () => {
  await ensureAppBuild();
  meili = await startMeili();
  await deployMigrations(databaseUrl);
  const db = createDb(databaseUrl);
  const admin = createSearchClient({ host: meili.url, apiKey: masterKey, local: false }, 30_000);
  await ingestFiles({ db, search: admin, indexUid: INDEX }, { files: SEED_FILES });
  await db.$disconnect();
  const keys = await ensureScopedKeys(admin, masterKey, INDEX);
  app = await startApp({
    PAPERDEX_DATA_DIR: dir,
    DATABASE_URL: databaseUrl,
    MEILI_URL: meili.url,
    MEILI_API_KEY: keys.searchKey,
    MEILI_WRITE_KEY: keys.writeKey,
    MEILI_INDEX: INDEX,
    MEILI_TIMEOUT_MS: "1000",
  });
}, 900_000);

afterAll(async () => {
  await app?.stop();
  await meili?.stop();
  await dropTestDatabase(databaseUrl);
  rmSync(dir, { recursive: true, force: true });
});

describe("the app over HTTP while Meilisearch goes away and comes back", () => {
  it("answers from Meilisearch while it is up", async () => {
    expect((await fetch(`${app.base}/api/health`)).status).toBe(200);
    const search = await getJson<ApiSearch>(API_QUERY);
    expect(search.body.engine).toBe("meilisearch");
    const page = await get(QUERY);
    expect(engineOf(page)).toBe("meilisearch");
    expect(shows(page, NOTICE)).toBe(false);
  });

  it("with Meilisearch stopped: health names it without driver details, search falls back with a notice", async () => {
    await meili.stop();

    const health = await fetch(`${app.base}/api/health`);
    expect(health.status).toBe(503);
    const text = await health.text();
    // What the driver said (address, port, error code) stays in the server log.
    for (const detail of ["ECONNREFUSED", "127.0.0.1", String(meiliPort), "http:", "fetch failed", "has failed"]) {
      expect(text, `health leaks "${detail}": ${text}`).not.toContain(detail);
    }
    expect(JSON.parse(text)).toMatchObject({
      status: "degraded",
      database: { status: "up", papers: 390 },
      search: { status: "down", engine: "meilisearch", reason: "Meilisearch is not answering" },
    });
    await waitUntil(() => (app.output().includes("[health] search down:") ? true : undefined), {
      timeoutMs: 5_000,
      what: "the health check's details in the server log",
    });

    const api = await getJson<ApiSearch>(API_QUERY);
    expect(api.status).toBe(200);
    expect(api.body.engine).toBe("database");
    expect(api.body.hits.map((h) => h.title)).toContain(MEMCONTROL);
    expect(api.body.hits.every((h) => h.topics.includes("generative-models"))).toBe(true);
    expect(api.body.facets.hasCode.true + api.body.facets.hasCode.false).toBe(api.body.total);

    const page = await get(QUERY);
    expect(page.status).toBe(200);
    expect(engineOf(page)).toBe("database");
    expect(shows(page, NOTICE)).toBe(true);
    expect(shows(page, MEMCONTROL)).toBe(true);
    expect(shows(page, `${api.body.total} paper${api.body.total === 1 ? "" : "s"} for “memorization diffusion”`)).toBe(true);
  });

  it("with Meilisearch stopped: browse, paper, topic and digest pages work", async () => {
    const browse = await get("/");
    expect(browse.status).toBe(200);
    expect(shows(browse, "390 papers from 5 digests")).toBe(true);

    const slug = (await getJson<ApiSearch>(API_QUERY)).body.hits.find((h) => h.title === MEMCONTROL)!.slug;
    const paper = await get(`/papers/${slug}`);
    expect(paper.status).toBe(200);
    expect(paper.html).toMatch(new RegExp(`<h1[^>]*>${MEMCONTROL}</h1>`));
    expect(shows(paper, "Related papers")).toBe(true);
    const api = await getJson<{ title: string; related: unknown[] }>(`/api/papers/${slug}`);
    expect(api.status).toBe(200);
    expect(api.body.title).toBe(MEMCONTROL);

    const topic = await get("/topics/generative-models");
    expect(topic.status).toBe(200);
    expect(shows(topic, MEMCONTROL)).toBe(true);
    const digest = await get("/digests/000_b4ca87912f4c4db7");
    expect(digest.status).toBe(200);
    expect(shows(digest, MEMCONTROL)).toBe(true);
  });

  it("comes back to Meilisearch by itself when it returns, without restarting the app", async () => {
    const pid = app.child.pid;
    meili = await startMeili();
    const search = await waitUntil(
      async () => {
        const { body } = await getJson<ApiSearch>(API_QUERY);
        return body.engine === "meilisearch" ? body : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 200, what: "searches answered by Meilisearch again" },
    );
    expect(search.hits.map((h) => h.title)).toContain(MEMCONTROL);
    expect(engineOf(await get(QUERY))).toBe("meilisearch");
    expect((await fetch(`${app.base}/api/health`)).status).toBe(200);
    expect(app.child.pid).toBe(pid);
    expect(app.child.exitCode).toBeNull();
  });
});
