import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import { createSearchClient } from "@/lib/meilisearch/client";
import { startLocalServer, type LocalServer } from "@/lib/meilisearch/local-server";
import { compareIndex } from "@/lib/indexing/sync";
import { correctTopics } from "@/lib/topics/corrections";
import { createTopicTagger, loadTopicConfig } from "@/lib/topics/load";
import { runScript } from "../support/cli";
import { SEED_FILES } from "../support/fixtures";
import { freePort } from "../../scripts/lib/free-port";

const root = mkdtempSync(path.join(os.tmpdir(), "paperdex-backup-"));
const masterKey = "backup-test-master-key-0123";
const servers: LocalServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
  rmSync(root, { recursive: true, force: true });
});

async function state(dataDir: string, port: number) {
  const db = createDb(`file:${path.join(dataDir, "paperdex.db")}`);
  const search = createSearchClient({ host: `http://127.0.0.1:${port}`, apiKey: masterKey, local: false }, 30_000);
  try {
    const [papers, digests, topics, overrides] = await Promise.all([
      db.paper.findMany({ orderBy: { slug: "asc" } }),
      db.digest.findMany({ orderBy: { id: "asc" } }),
      db.paperTopic.findMany({ orderBy: [{ paperId: "asc" }, { topicSlug: "asc" }] }),
      db.topicOverride.findMany(),
    ]);
    const drift = await compareIndex(db, search, "papers");
    const hits = (await search.index<{ id: string }>("papers").search("lora", { limit: 10 })).hits.map((h) => h.id);
    return { papers, digests, topics, overrides, drift, hits };
  } finally {
    await db.$disconnect();
  }
}

describe("backup and restore", () => {
  it("bring an empty data folder back to the same database and index", async () => {
    const original = path.join(root, "original");
    const port = await freePort();
    const env = {
      PAPERDEX_DATA_DIR: original,
      MEILI_PORT: String(port),
      MEILI_MASTER_KEY: masterKey,
      MEILI_URL: "",
      DATABASE_URL: "",
      MEILI_INDEX: "papers",
    };
    const server = await startLocalServer({ dataDir: original, port, masterKey });
    servers.push(server);
    expect((await runScript("ingest", SEED_FILES, env)).code).toBe(0);
    // Something only the database knows: an editor's correction.
    const db = createDb(`file:${path.join(original, "paperdex.db")}`);
    const search = createSearchClient({ host: server.url, apiKey: masterKey, local: false }, 30_000);
    const tagger = createTopicTagger(await loadTopicConfig());
    await correctTopics(db, search, "papers", tagger, {
      slug: "merging-models-with-fisher-weighted-averaging",
      action: "add",
      topicSlug: "reasoning",
    });
    await db.$disconnect();
    const before = await state(original, port);

    const backupDir = path.join(root, "backup");
    const made = await runScript("backup", ["--out", backupDir], env);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain("390 papers, database and search dump in");
    await server.stop();

    const restored = path.join(root, "restored");
    const port2 = await freePort();
    const restoreEnv = { ...env, PAPERDEX_DATA_DIR: restored, MEILI_PORT: String(port2) };
    const done = await runScript("restore", [backupDir], restoreEnv);
    expect(done.code, done.stderr).toBe(0);
    const again = await runScript("restore", [backupDir], restoreEnv);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("is not empty: restore only into an empty data folder");

    servers.push(await startLocalServer({ dataDir: restored, port: port2, masterKey }));
    const after = await state(restored, port2);
    expect(after.papers).toEqual(before.papers);
    expect(after.digests).toEqual(before.digests);
    expect(after.topics).toEqual(before.topics);
    expect(after.overrides).toEqual(before.overrides);
    expect(after.hits).toEqual(before.hits);
    expect(after.drift).toMatchObject({ papers: 390, documents: 390, missing: [], extra: [], stale: [] });
  }, 300_000);
});
