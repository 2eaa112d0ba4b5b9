import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import type { OpenApiDocument } from "@/lib/api/schemas";
import { createDb } from "@/lib/db";
import { dropIndex } from "@/lib/indexing/tasks";
import { ingestFiles } from "@/lib/ingest/ingest";
import { createSearchClient } from "@/lib/meilisearch/client";
import { ensureScopedKeys, type ScopedKeys } from "@/lib/meilisearch/keys";
import { deployMigrations } from "@/lib/migrations/migrate";
import { ensureAppBuild, startApp, type AppServer } from "../support/app-server";
import { dropTestDatabase, testDatabaseUrl } from "../support/database";
import { SEED_FILES } from "../support/fixtures";
import { answerValidator, operations, type Parameter } from "../support/openapi";

// The OpenAPI document against the real thing: the app (`next start`) serving the seeds from
// the run's database (SQLite here, PostgreSQL in `npm run test:postgres`) and a real
// Meilisearch. Every documented route is called, and each JSON answer — successes and errors —
// is checked by Ajv against the schema the served document gives for its status.

const dir = mkdtempSync(path.join(os.tmpdir(), "paperdex-openapi-"));
const databaseUrl = testDatabaseUrl("openapi", dir);
const indexUid = `papers_openapi_${process.pid}`;
const ADMIN_TOKEN = "openapi-admin-token-0123456789";
const meiliUrl = inject("meiliUrl");
const master = inject("meiliKey");
const admin = createSearchClient({ host: meiliUrl, apiKey: master, local: false }, 30_000);

let app: AppServer;
let keys: ScopedKeys;
let doc: OpenApiDocument;
let validator: ReturnType<typeof answerValidator>;
/** "get /api/search 200" for each answer checked, to show every operation was exercised. */
const exercised = new Set<string>();

beforeAll(async () => {
  await ensureAppBuild();
  await deployMigrations(databaseUrl);
  const db = createDb(databaseUrl);
  const summary = await ingestFiles({ db, search: admin, indexUid }, { files: SEED_FILES });
  await db.$disconnect();
  expect(summary.indexError).toBeNull();
  keys = await ensureScopedKeys(admin, master, indexUid);
  app = await startApp({
    PAPERDEX_DATA_DIR: dir,
    DATABASE_URL: databaseUrl,
    MEILI_URL: meiliUrl,
    MEILI_INDEX: indexUid,
    MEILI_API_KEY: keys.searchKey,
    MEILI_WRITE_KEY: keys.writeKey,
    MEILI_ADMIN_KEY: undefined,
    MEILI_MASTER_KEY: undefined,
    ADMIN_TOKEN,
  });
}, 900_000);

afterAll(async () => {
  await app?.stop();
  await dropIndex(admin, indexUid);
  await dropTestDatabase(databaseUrl);
  rmSync(dir, { recursive: true, force: true });
});

interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * Calls a route of the running app (`template` is its documented path, `url` the one called)
 * and expects the answer to conform to what the document says for the status it got.
 */
async function call<T = unknown>(method: "get" | "post", template: string, url: string, init: RequestInit = {}) {
  const response = await fetch(`${app.base}${url}`, { ...init, method: method.toUpperCase(), redirect: "manual" });
  const text = await response.text();
  const body = (text === "" ? undefined : JSON.parse(text)) as T;
  if (body !== undefined) expect(response.headers.get("content-type"), url).toMatch(/^application\/json/);
  expect(validator.check(method, template, response.status, body), `${method.toUpperCase()} ${url} → ${response.status}`).toEqual(
    [],
  );
  exercised.add(`${method} ${template} ${response.status}`);
  return { status: response.status, headers: response.headers, body } satisfies Answer<T>;
}

const get = <T = unknown>(template: string, url = template) => call<T>("get", template, url);

interface SearchAnswer {
  total: number;
  hits: { slug: string; topics: string[] }[];
  facets: { topic: Record<string, number> };
}

describe("GET /api/openapi.json from the running app", () => {
  it("is the document the code generates, cacheable, and carries no secret", async () => {
    const response = await fetch(`${app.base}/api/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
    const text = await response.text();
    for (const secret of [ADMIN_TOKEN, master, keys.searchKey, keys.writeKey, databaseUrl, dir, indexUid]) {
      expect(text.includes(secret), "the document shows a secret or a server path").toBe(false);
    }
    doc = JSON.parse(text) as OpenApiDocument;
    expect(doc).toEqual(buildOpenApiDocument());
    validator = answerValidator(doc);
    await get("/api/openapi.json");
  });
});

/** Routes whose query parameters each stand alone, so that a value at a bound must be answered 200. */
const STANDALONE_PARAMETERS = new Set(["/api/search", "/api/papers", "/api/similar"]);

describe("documented answers, checked against the real app", () => {
  let slug: string;
  let topic: string;

  it("every GET route that needs no parameter answers 200 as documented when called without any", async () => {
    let called = 0;
    for (const [method, route, op] of operations(doc)) {
      if (method !== "get" || route.includes("{") || (op.parameters ?? []).some((p) => p.required)) continue;
      expect((await get(route)).status, route).toBe(200);
      called++;
    }
    expect(called).toBeGreaterThanOrEqual(6);
  });

  it("GET /api/search, /api/topics, /api/papers, /api/health: 200 with real data", async () => {
    const search = await get<SearchAnswer>("/api/search", "/api/search?q=difusion%20memorizaton&hasCode=false&perPage=5");
    expect(search.status).toBe(200);
    expect(search.body.total).toBeGreaterThan(0);
    const hit = search.body.hits.find((h) => h.topics.length > 1)!;
    ({ slug } = hit);
    topic = hit.topics.at(-1)!;

    const faceted = await get<SearchAnswer>("/api/search", `/api/search?topic=${topic}&topic=reasoning&sort=newest&page=2`);
    expect(faceted.status).toBe(200);
    expect(faceted.body.hits.length).toBeGreaterThan(0);
    expect(Object.keys(faceted.body.facets.topic).length).toBeGreaterThan(1);

    const topics = await get<unknown[]>("/api/topics");
    expect(topics.status).toBe(200);
    expect(topics.body.length).toBeGreaterThan(10);

    const papers = await get<{ total: number; papers: unknown[] }>("/api/papers", "/api/papers?page=2&perPage=7");
    expect(papers.status).toBe(200);
    expect(papers.body).toMatchObject({ total: 390 });
    expect(papers.body.papers).toHaveLength(7);

    const health = await get<{ status: string }>("/api/health");
    expect(health.status).toBe(200);
    expect(health.body.status).toBe("ok");
  });

  it("GET /api/papers/{slug}: 200 for a paper (topics with evidence, related papers), 404 for an unknown one", async () => {
    const paper = await get<{ topics: { evidence: unknown[] }[]; related: unknown[] }>(
      "/api/papers/{slug}",
      `/api/papers/${slug}`,
    );
    expect(paper.status).toBe(200);
    expect(paper.body.topics.some((t) => t.evidence.length > 0)).toBe(true);
    expect(paper.body.related.length).toBeGreaterThan(0);

    const missing = await get<{ error: string }>("/api/papers/{slug}", "/api/papers/no-such-paper");
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('paper "no-such-paper" not found');
  });

  it("GET /api/similar: 200 near a paper and near a text", async () => {
    const near = await get<{ papers: string[]; hits: { slug: string }[] }>("/api/similar", `/api/similar?paper=${slug}`);
    expect(near.status).toBe(200);
    expect(near.body.papers).toEqual([slug]);
    expect(near.body.hits.length).toBeGreaterThan(0);
    expect(near.body.hits.map((h) => h.slug)).not.toContain(slug);

    const text = encodeURIComponent("We reduce memorization in diffusion models by choosing which parameters to fine-tune.");
    const byText = await get<{ text: boolean; hits: unknown[] }>("/api/similar", `/api/similar?text=${text}`);
    expect(byText.status).toBe(200);
    expect(byText.body.text).toBe(true);
    expect(byText.body.hits.length).toBeGreaterThan(0);
  });

  it("every documented bound of a query parameter is the route's: past it a 400 names the parameter", async () => {
    const values = (p: Parameter): { refused: string[][]; accepted: string[][] } => {
      const s = p.schema as { type: string; minimum?: number; maximum?: number; maxLength?: number; enum?: string[] };
      const items = (p.schema.items ?? {}) as { pattern?: string; maxLength?: number };
      switch (s.type) {
        case "integer":
          return {
            refused: [["abc"], ["1.5"], [String(s.minimum! - 1)], [String(s.maximum! + 1)]],
            accepted: [[String(s.minimum)], [String(s.maximum)]],
          };
        case "string":
          return {
            refused: [...(s.enum ? [["not-one-of-them"]] : []), ...(s.maxLength ? [["a".repeat(s.maxLength + 1)]] : [])],
            accepted: (s.enum ?? []).map((v) => [v]),
          };
        case "array": {
          const valid = "a";
          if (items.pattern) expect(valid).toMatch(new RegExp(items.pattern));
          return {
            refused: [
              ...(items.pattern ? [["Not Valid!"]] : []),
              ...(items.maxLength ? [["a".repeat(items.maxLength + 1)]] : []),
              Array<string>((p.schema.maxItems as number) + 1).fill(valid),
            ],
            accepted: [Array<string>(p.schema.maxItems as number).fill(valid)],
          };
        }
        default:
          throw new Error(`no test values for ${p.name} (${s.type})`);
      }
    };

    let refusals = 0;
    for (const [method, route, op] of operations(doc)) {
      if (method !== "get") continue;
      for (const p of (op.parameters ?? []).filter((q) => q.in === "query")) {
        const { refused, accepted } = values(p);
        const url = (repeated: string[]) => `${route}?${repeated.map((v) => `${p.name}=${encodeURIComponent(v)}`).join("&")}`;
        for (const value of refused) {
          const answer = await get<{ param: string }>(route, url(value));
          expect(answer.status, url(value).slice(0, 120)).toBe(400);
          expect(answer.body.param).toBe(p.name);
          refusals++;
        }
        if (!STANDALONE_PARAMETERS.has(route)) continue;
        // At the bound the route answers (where no other parameter or the data has a say).
        for (const value of accepted) expect((await get(route, url(value))).status, url(value)).toBe(200);
      }
    }
    expect(refusals).toBeGreaterThan(20);
    expect((await get<{ param: string }>("/api/search", "/api/search?q=a&q=b")).body.param).toBe("q");
  });

  it("POST /api/papers/{slug}/topics: each outcome in its documented shape", async () => {
    const route = "/api/papers/{slug}/topics";
    const post = (body: string, { auth = true, form = false, paper = slug } = {}) =>
      call<{ topics?: string[]; code?: string; param?: string }>("post", route, `/api/papers/${paper}/topics`, {
        headers: {
          ...(auth && { Authorization: `Bearer ${ADMIN_TOKEN}` }),
          "Content-Type": form ? "application/x-www-form-urlencoded" : "application/json",
        },
        body,
      });
    const correction = (action: string, topicSlug = topic) => JSON.stringify({ action, topic: topicSlug });

    const removed = await post(correction("remove"));
    expect(removed.status).toBe(200);
    expect(removed.body.topics).not.toContain(topic);
    expect((await post(correction("remove"))).body).toMatchObject({ code: "already" });
    expect((await post(correction("remove"))).status).toBe(409);

    const form = await post(new URLSearchParams({ action: "undo", topic }).toString(), { form: true });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toMatch(new RegExp(`/papers/${slug}\\?edited=saved#topics$`));

    expect(await post(correction("add", "no-such-topic"))).toMatchObject({ status: 400, body: { code: "unknown-topic" } });
    expect(await post(correction("delete"))).toMatchObject({ status: 400, body: { param: "action" } });
    expect(await post("{not json")).toMatchObject({ status: 400, body: { code: "invalid" } });
    expect(await post(correction("remove"), { auth: false })).toMatchObject({ status: 401, body: { code: "unauthorized" } });
    expect(await post(correction("remove"), { paper: "no-such-paper" })).toMatchObject({
      status: 404,
      body: { code: "unknown-paper" },
    });
  });

  it("exercised every documented operation's success, and errors of each kind the routes send", () => {
    for (const [method, route, op] of operations(doc)) {
      const successes = Object.keys(op.responses).filter((s) => s.startsWith("2") || s.startsWith("3"));
      for (const status of successes) expect(exercised, `${method} ${route} ${status}`).toContain(`${method} ${route} ${status}`);
    }
    for (const status of [400, 401, 404, 409]) {
      expect(
        [...exercised].some((e) => e.endsWith(` ${status}`)),
        String(status),
      ).toBe(true);
    }
  });
});
