import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb } from "@/lib/db";
import { dropTestDatabase, testDatabaseUrl } from "../support/database";
import { readCorpus } from "@/scripts/lib/corpus-read";
import { byDay, dayLabel, renderDigest } from "@/scripts/lib/corpus-render";
import { parseDigest, readsAsHeading, readsAsProse } from "@/lib/digest";
import { deployMigrations } from "@/lib/migrations/migrate";
import { dropIndex, waitFor } from "@/lib/indexing/tasks";
import { createSearchClient } from "@/lib/meilisearch/client";
import { compareIndex } from "@/lib/indexing/sync";
import { runScript } from "../support/cli";

// SIGKILL the ingest at several points of a 20,000-paper run: a re-run completes, no file is
// ever half stored, and the index ends up matching the database.

const dir = mkdtempSync(path.join(os.tmpdir(), "paperdex-crash-"));
const digestsDir = path.join(dir, "digests");
const databaseUrl = testDatabaseUrl("crash", dir);
const indexUid = `papers_crash_${process.pid}`;
const env = {
  PAPERDEX_DATA_DIR: dir,
  DATABASE_URL: databaseUrl,
  MEILI_URL: inject("meiliUrl"),
  MEILI_API_KEY: inject("meiliKey"),
  MEILI_INDEX: indexUid,
};
const search = createSearchClient({ host: env.MEILI_URL, apiKey: env.MEILI_API_KEY, local: false }, 30_000);
const files: string[] = [];
const entriesByFile = new Map<string, number>();

beforeAll(async () => {
  const { records } = await readCorpus(
    20_000,
    (r) =>
      readsAsHeading(r.title.replace(/\s+/g, " ")) && !readsAsProse(r.title) && readsAsProse(r.abstract.replace(/\s+/g, " ")),
  );
  mkdirSync(digestsDir, { recursive: true });
  for (const [date, day] of byDay(records)) {
    const file = path.join(digestsDir, `${date}.txt`);
    const text = renderDigest(dayLabel(date), day);
    writeFileSync(file, text);
    entriesByFile.set(`${date}.txt`, parseDigest(text).entries.length);
    files.push(file);
  }
  await deployMigrations(databaseUrl);
}, 120_000);

afterAll(async () => {
  await dropIndex(search, indexUid);
  await dropTestDatabase(databaseUrl);
  rmSync(dir, { recursive: true, force: true });
});

/** Every stored digest holds all of its file's entries: nothing is half stored. */
async function expectWholeFiles() {
  const db = createDb(databaseUrl);
  try {
    const digests = await db.digest.findMany({ include: { _count: { select: { appearances: true } } } });
    for (const d of digests) {
      expect(d.entryCount, d.fileName).toBe(entriesByFile.get(d.fileName));
      expect(d._count.appearances, d.fileName).toBe(d.entryCount);
    }
    const orphans = await db.paper.count({ where: { appearances: { none: {} } } });
    expect(orphans).toBe(0);
    return digests.length;
  } finally {
    await db.$disconnect();
  }
}

describe("an ingest killed at random points", () => {
  it("never leaves a file half stored, and a re-run completes with the index matching", async () => {
    expect(files.length).toBeGreaterThan(50);
    const stored: number[] = [];
    for (const killAfterMs of [2_500, 6_000, 11_000, 17_000]) {
      const run = await runScript("ingest", files, env, { killAfterMs });
      expect(run.signal, run.stderr).toBe("SIGKILL");
      stored.push(await expectWholeFiles());
    }
    // The kills came at different stages: some files were stored between them.
    expect(stored.at(-1)).toBeGreaterThan(0);

    const final = await runScript("ingest", files, env);
    expect(final.code, final.stderr).toBe(0);
    expect(final.stdout).toMatch(/files\s+\d+ \(\d+ read, 0 failed\)/);
    expect(await expectWholeFiles()).toBe(files.length);

    const db = createDb(databaseUrl);
    const drift = await compareIndex(db, search, indexUid);
    await db.$disconnect();
    expect({ missing: drift.missing.length, extra: drift.extra.length, stale: drift.stale.length }).toEqual({
      missing: 0,
      extra: 0,
      stale: 0,
    });
    expect(drift.documents).toBe(drift.papers);
  }, 600_000);

  it("npm run check reports drift and npm run reindex repairs it", async () => {
    const first = (await search.index(indexUid).getDocuments({ limit: 2, fields: ["id"] })).results.map((d) => d.id as string);
    await waitFor(search, search.index(indexUid).deleteDocument(first[0]!), "delete");
    await waitFor(search, search.index(indexUid).updateDocuments([{ id: first[1]!, title: "tampered", hash: "0" }]), "tamper");
    await waitFor(
      search,
      search.index(indexUid).addDocuments([{ id: "not-a-paper", title: "stray", _vectors: { tfidf: null } }]),
      "add",
    );

    const check = await runScript("check", [], env);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("missing from the index  1");
    expect(check.stdout).toContain("not in the database     1: not-a-paper");
    expect(check.stdout).toContain(`out of date             1: ${first[1]}`);
    expect(check.stderr).toContain("Run `npm run reindex`");

    const reindex = await runScript("reindex", [], env);
    expect(reindex.code, reindex.stderr).toBe(0);
    const after = await runScript("check", [], env);
    expect(after.code, after.stdout).toBe(0);
    expect(after.stdout).toContain("The index matches the database.");
  }, 600_000);
});
