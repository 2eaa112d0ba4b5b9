import { copyFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import { dropTestDatabase } from "../support/database";
import { deployMigrations } from "@/lib/migrations/migrate";
import { dropIndex } from "@/lib/indexing/tasks";
import { compareIndex } from "@/lib/indexing/sync";
import { runScript } from "../support/cli";
import { scriptTestTargets } from "../support/test-env";
import { SEED_FILES } from "../support/fixtures";

// The ingest command on bad input, as a user runs it: exact messages, exit codes, and proof
// that nothing from a failed file is stored while the good files are.

const { dir, databaseUrl, indexUid, env, search } = scriptTestTargets("cli");
const db = createDb(databaseUrl);

const file = (name: string, content: string | Buffer) => {
  const full = path.join(dir, name);
  writeFileSync(full, content);
  return full;
};
const entry = (n: number, abstract = `We study synthetic thing number ${n}. It behaves as expected in every test.`) =>
  `Synthetic Study Number ${n} of Things\n\n${abstract}\n\n`;

async function snapshot() {
  const [papers, digests, appearances] = await Promise.all([
    db.paper.findMany({ orderBy: { slug: "asc" }, select: { slug: true, abstract: true, updatedAt: true } }),
    db.digest.findMany({ orderBy: { id: "asc" } }),
    db.appearance.count(),
  ]);
  return { papers, digests, appearances };
}

async function expectIndexMatches() {
  const drift = await compareIndex(db, search, indexUid);
  expect([drift.missing, drift.extra, drift.stale]).toEqual([[], [], []]);
}

beforeAll(async () => {
  await deployMigrations(databaseUrl);
  const seeded = await runScript("ingest", SEED_FILES.slice(0, 2), env);
  expect(seeded.code, seeded.stderr).toBe(0);
});
afterAll(async () => {
  await db.$disconnect();
  await dropIndex(search, indexUid);
  await dropTestDatabase(databaseUrl);
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run ingest on bad files", () => {
  it("names each problem, stores only the good file, leaves the rest untouched, and exits 1", async () => {
    const before = await snapshot();
    const good = file("good.txt", entry(1) + entry(2));
    const bad = [
      file("empty.txt", ""),
      file("binary.txt", Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x02])),
      file(
        "truncated.txt",
        entry(3) + "Synthetic Study Number 4 of Things\n\nWe study synthetic thing number 4. It behaves as exp",
      ),
      file("titles-only.txt", "First Lonely Title\n\nSecond Lonely Title\n"),
      file("abstracts-only.txt", "We study a thing. It works well.\n\nWe study another thing. It works too.\n"),
      file(
        "latin1.txt",
        Buffer.concat([Buffer.from("Caf"), Buffer.from([0xe9]), Buffer.from(" Study\n\nWe study cafés. They work.\n")]),
      ),
      file("huge-title.txt", `${"T".repeat(1024 * 1024)}\n\nWe study it. It works.\n`),
      file("huge-file.txt", Buffer.alloc(50 * 1024 * 1024, "a")),
    ];
    const result = await runScript("ingest", [...bad, good], env);
    expect(result.code).toBe(1);
    const out = result.stdout;
    const name = (f: string) => path.join(dir, f);
    expect(out).toContain(`${name("empty.txt")}:  the file is empty`.replace(":  ", ": "));
    expect(out).toContain(`${name("binary.txt")}:1: the file is binary, not text (it contains NUL bytes)`);
    expect(out).toContain(`${name("truncated.txt")}:7: the last abstract stops mid-sentence (is the file cut short?)`);
    expect(out).toContain(`${name("titles-only.txt")}:1: the title "First Lonely Title" has no abstract`);
    expect(out).toContain(
      `${name("titles-only.txt")}:3: the title "Second Lonely Title" has no abstract (is the file cut short?)`,
    );
    expect(out).toContain(`${name("abstracts-only.txt")}:1: an abstract with no title before it`);
    expect(out).toContain(`${name("latin1.txt")}:1: the file is not valid UTF-8 (bad byte 0xe9 at offset 3); save it as UTF-8`);
    expect(out).toContain(
      `${name("huge-title.txt")}:1: a line of 1,048,576 characters, longer than any abstract may be (20,000)`,
    );
    expect(out).toContain(`${name("huge-file.txt")}: the file is 50.0 MB, over the 32 MB a digest may have`);
    expect(out).toContain(`✔ ${good}: 2 entries, stored (2 new, 0 updated papers)`);
    expect(out).toMatch(/files\s+9 \(1 read, 8 failed\)/);
    expect(result.stderr).toContain("8 file(s) were skipped; nothing from them was stored");

    const after = await snapshot();
    expect(after.digests.map((d) => d.fileName)).toEqual([...before.digests.map((d) => d.fileName), "good.txt"].sort());
    expect(after.papers.filter((p) => !p.slug.startsWith("synthetic-study-number"))).toEqual(before.papers);
    expect(after.appearances).toBe(before.appearances + 2);
    await expectIndexMatches();
  });

  it("skips the same file under another name, and exits 0", async () => {
    const copy = path.join(dir, "renamed-seed.txt");
    copyFileSync(SEED_FILES[0]!, copy);
    const result = await runScript("ingest", [copy], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`• ${copy}: same content as ${path.basename(SEED_FILES[0]!)}, skipped`);
  });

  it("updates a paper whose abstract changed, in the database and the index", async () => {
    const changed = file("good.txt", entry(1, "We study synthetic thing number 1 again. Now with zebras.") + entry(2));
    const result = await runScript("ingest", [changed], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/papers\s+0 new, 1 updated, 1 unchanged/);
    const hits = await search.index<{ title: string }>(indexUid).search("zebras");
    expect(hits.hits.map((h) => h.title)).toEqual(["Synthetic Study Number 1 of Things"]);
    await expectIndexMatches();
  });

  it("ingests a digest of 10,000 entries", async () => {
    const big = file("big.txt", Array.from({ length: 10_000 }, (_, i) => entry(100_000 + i)).join(""));
    const result = await runScript("ingest", [big], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`✔ ${big}: 10000 entries, stored (10000 new, 0 updated papers)`);
    expect(await db.appearance.count({ where: { digestId: "big" } })).toBe(10_000);
    await expectIndexMatches();

    // Provenance pages over more papers than SQLite takes bound parameters.
    process.env.DATABASE_URL = databaseUrl;
    const { getDigest, listDigestInfo } = await import("@/lib/papers/provenance");
    expect((await listDigestInfo()).find((d) => d.id === "big")).toMatchObject({ entryCount: 10_000, newPapers: 10_000 });
    const digest = await getDigest("big");
    expect(digest?.entries).toHaveLength(10_000);
    expect(digest?.entries.every((e) => e.seenBefore === null)).toBe(true);
  }, 300_000);
});
