import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import { checkHealth } from "@/lib/health";
import { ingestFiles } from "@/lib/ingest/ingest";
import { deployMigrations } from "@/lib/migrations/migrate";
import { listPapers } from "@/lib/papers/queries";
import { createSearchClient } from "@/lib/meilisearch/client";
import { startLocalServer, type LocalServer } from "@/lib/meilisearch/local-server";
import { searchParamsSchema } from "@/lib/search/params";
import { resilientSearch } from "@/lib/search/resilient-search";
import { SEED_FILES } from "../support/fixtures";
import { freePort } from "../../scripts/lib/free-port";

// Its own Meilisearch, which this file stops and starts again.
const dir = mkdtempSync(path.join(os.tmpdir(), "paperdex-down-"));
const port = await freePort();
const databaseUrl = `file:${path.join(dir, "down.db")}`;
const masterKey = "search-down-master-key-01";
Object.assign(process.env, {
  PAPERDEX_DATA_DIR: dir,
  DATABASE_URL: databaseUrl,
  MEILI_URL: `http://127.0.0.1:${port}`,
  MEILI_API_KEY: masterKey,
  MEILI_INDEX: "papers",
  MEILI_TIMEOUT_MS: "1000",
});
let server: LocalServer;
const start = () => startLocalServer({ dataDir: dir, port, masterKey, binary: process.env.MEILI_BINARY });
const search = (query: Record<string, string>) => resilientSearch(searchParamsSchema.parse(query));

beforeAll(async () => {
  server = await start();
  await deployMigrations(databaseUrl);
  const db = createDb(databaseUrl);
  await ingestFiles({ db, search: createSearchClient(), indexUid: "papers" }, { files: SEED_FILES });
  await db.$disconnect();
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("with Meilisearch stopped", () => {
  it("reports what is down and recovers by itself when it returns", async () => {
    expect((await checkHealth()).status).toBe("ok");
    await server.stop();

    const health = await checkHealth();
    expect(health).toMatchObject({ status: "degraded", database: { status: "up", papers: 390 }, search: { status: "down" } });

    const fallback = await search({ q: "memorization diffusion", topic: "generative-models" });
    expect(fallback.engine).toBe("database");
    expect(fallback.hits.map((h) => h.title)).toContain(
      "MemControl: Mitigating Memorization in Diffusion Models via Automated Parameter Selection",
    );
    expect(fallback.hits.every((h) => h.topics.includes("generative-models"))).toBe(true);
    expect(fallback.hits[0]?.titleSegments.some((s) => s.match)).toBe(true);
    expect(fallback.facets.topic["generative-models"]).toBeGreaterThan(0);

    // Browsing reads the database alone.
    expect((await listPapers(1, 20)).total).toBe(390);

    server = await start();
    expect((await checkHealth()).status).toBe("ok");
    expect((await search({ q: "memorization diffusion" })).engine).toBe("meilisearch");
  });
});
