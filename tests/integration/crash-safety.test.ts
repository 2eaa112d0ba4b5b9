import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import { dropTestDatabase } from "../support/database";
import { fitsDigest, readCorpus } from "@/scripts/lib/corpus-read";
import { writeCorpusDigests } from "@/scripts/lib/corpus-render";
import { parseDigest } from "@/lib/digest";
import { deployMigrations } from "@/lib/migrations/migrate";
import { dropIndex, waitFor } from "@/lib/indexing/tasks";
import { compareIndex } from "@/lib/indexing/sync";
import { runScript } from "../support/cli";
import { scriptTestTargets } from "../support/test-env";
import { EMBEDDER } from "@/lib/search/settings";

// SIGKILL the ingest at random points of a 3,000-paper run (real arXiv records shipped in
// tests/fixtures/corpus, as 63 digest files): no file is ever half stored, at least one kill
// lands inside a file's transaction (which must then leave nothing of that file), one lands
// after every file is stored and before the index has confirmed them, and a re-run completes
// with the index matching the database. The kill points come from a seeded generator: the
// seed is printed, and CRASH_SEED=<seed> replays the same draws.

const CORPUS_FIXTURE = path.resolve("tests/fixtures/corpus/arxiv-cs-daily-sample.jsonl.gz");
/** Kills in the storing stage: at least `min`, then more (up to `max`) until one has landed inside a transaction. */
const STORING_KILLS = { min: 3, max: 10 };

const seed = process.env.CRASH_SEED ? Number(process.env.CRASH_SEED) : Math.floor(Math.random() * 2 ** 31);
if (!Number.isSafeInteger(seed)) throw new Error(`CRASH_SEED must be a whole number, not "${process.env.CRASH_SEED}"`);

/** mulberry32: a small seeded generator of numbers in [0, 1). */
function seededRandom(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const { dir, databaseUrl, indexUid, env, search } = scriptTestTargets("crash");
const digestsDir = path.join(dir, "digests");
const files: string[] = [];
const entriesByFile = new Map<string, number>();

beforeAll(async () => {
  const { records } = await readCorpus(Infinity, fitsDigest, CORPUS_FIXTURE);
  for (const file of writeCorpusDigests(records, digestsDir)) {
    entriesByFile.set(path.basename(file), parseDigest(readFileSync(file, "utf8")).entries.length);
    files.push(file);
  }
  await deployMigrations(databaseUrl);
}, 120_000);

afterAll(async () => {
  await dropIndex(search, indexUid);
  await dropTestDatabase(databaseUrl);
  rmSync(dir, { recursive: true, force: true });
});

/** Every stored digest holds all of its file's entries (nothing is half stored); returns their file names. */
async function expectWholeFiles(): Promise<Set<string>> {
  const db = createDb(databaseUrl);
  try {
    const digests = await db.digest.findMany({ include: { _count: { select: { appearances: true } } } });
    for (const d of digests) {
      expect(d.entryCount, d.fileName).toBe(entriesByFile.get(d.fileName));
      expect(d._count.appearances, d.fileName).toBe(d.entryCount);
    }
    const orphans = await db.paper.count({ where: { appearances: { none: {} } } });
    expect(orphans).toBe(0);
    return new Set(digests.map((d) => d.fileName));
  } finally {
    await db.$disconnect();
  }
}

/**
 * The file whose transaction was open when the ingest died: the ingest prints "… <file>:
 * storing" once the file's transaction has written its digest row, and "✔ <file>: …" after
 * it committed.
 */
function openAtDeath(stdout: string): string | undefined {
  let open: string | undefined;
  for (const line of stdout.split("\n")) {
    const storing = /^ {2}… (.+): storing$/.exec(line);
    if (storing) open = storing[1];
    const done = /^ {2}✔ (.+?): \d+ entries/.exec(line);
    if (done && done[1] === open) open = undefined;
  }
  return open;
}

/** Runs the ingest over every file and kills it `delayMs` after `trigger` shows up in its output. */
function ingestKilled(trigger: RegExp, delayMs: number) {
  let armed = false;
  return runScript("ingest", files, env, {
    watch: (stdout, kill) => {
      if (armed || !trigger.test(stdout)) return;
      armed = true;
      setTimeout(kill, delayMs);
    },
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("an ingest killed at random points", () => {
  it("never leaves a file half stored, and a re-run completes with the index matching", async () => {
    expect(files.length).toBeGreaterThan(50);
    const random = seededRandom(seed);
    console.log(`crash-safety: seed ${seed} (CRASH_SEED=${seed} draws the same kill points again)`);
    const kills: string[] = [];
    const report = () => `seed ${seed}; kills:\n  ${kills.join("\n  ")}`;

    // Storing stage: kill a random time (0-80 ms) after the transaction of a random file not
    // stored yet has opened, until one kill has landed inside a transaction.
    let inside = 0;
    for (let n = 0; n < STORING_KILLS.max && (n < STORING_KILLS.min || inside === 0); n++) {
      const before = await expectWholeFiles();
      const unstored = files.filter((f) => !before.has(path.basename(f)));
      expect(unstored.length, report()).toBeGreaterThan(0);
      const target = unstored[Math.floor(random() * unstored.length)]!;
      const delayMs = Math.floor(random() * 80);
      const run = await ingestKilled(new RegExp(`^ {2}… ${escape(target)}: storing$`, "m"), delayMs);
      expect(run.signal, `${report()}\n${run.stderr}`).toBe("SIGKILL");
      const after = await expectWholeFiles();
      const open = openAtDeath(run.stdout);
      const name = open && path.basename(open);
      let landed: string;
      if (name && !before.has(name) && !after.has(name)) {
        // It had written its digest row, and none of the file is there: the transaction was rolled back.
        landed = `inside the transaction of ${name} (rolled back)`;
        inside++;
      } else if (name) landed = `as ${name} committed`;
      else landed = "between files";
      kills.push(`${delayMs} ms after ${path.basename(target)} opened: ${landed}; ${after.size}/${files.length} files stored`);
    }
    expect(inside, report()).toBeGreaterThan(0);

    // Index stage: the remaining files are stored, then the ingest waits for Meilisearch to
    // confirm its tasks. Killed there, papers stay marked as not indexed for the next run.
    const indexDelayMs = Math.floor(random() * 50);
    const run = await ingestKilled(/^ {2}index: /m, indexDelayMs);
    expect(run.signal, `${report()}\n${run.stderr}`).toBe("SIGKILL");
    expect((await expectWholeFiles()).size).toBe(files.length);
    const db = createDb(databaseUrl);
    try {
      const unconfirmed = await db.paper.count({ where: { indexedHash: null } });
      kills.push(`${indexDelayMs} ms into the index stage: every file stored, ${unconfirmed} papers not confirmed indexed`);
      console.log(`crash-safety: ${report()}`);
      expect(unconfirmed, report()).toBeGreaterThan(0);

      const final = await runScript("ingest", files, env);
      expect(final.code, final.stderr).toBe(0);
      // Waiting for its index tasks takes many polls: no listener-leak warning for the user.
      expect(final.stderr).not.toContain("MaxListenersExceededWarning");
      expect(final.stdout).toMatch(/files\s+\d+ \(\d+ read, 0 failed\)/);
      expect((await expectWholeFiles()).size).toBe(files.length);
      expect(await db.paper.count({ where: { indexedHash: null } })).toBe(0);

      const drift = await compareIndex(db, search, indexUid);
      expect({ missing: drift.missing.length, extra: drift.extra.length, stale: drift.stale.length }).toEqual({
        missing: 0,
        extra: 0,
        stale: 0,
      });
      expect(drift.documents).toBe(drift.papers);
    } finally {
      await db.$disconnect();
    }
  }, 600_000);

  it("npm run check reports drift and npm run reindex repairs it", async () => {
    const first = (await search.index(indexUid).getDocuments({ limit: 2, fields: ["id"] })).results.map((d) => d.id as string);
    await waitFor(search, search.index(indexUid).deleteDocument(first[0]!), "delete");
    await waitFor(search, search.index(indexUid).updateDocuments([{ id: first[1]!, title: "tampered", hash: "0" }]), "tamper");
    await waitFor(
      search,
      search.index(indexUid).addDocuments([{ id: "not-a-paper", title: "stray", _vectors: { [EMBEDDER]: null } }]),
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
