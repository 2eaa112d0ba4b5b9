import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ingestFiles } from "@/lib/ingest/ingest";
import { listDigestInfo } from "@/lib/papers/provenance";
import { listPapers } from "@/lib/papers/queries";
import { byDay, dayLabel, renderDigest, type CorpusRecord } from "@/scripts/lib/corpus-render";
import { createTestEnv } from "../support/test-env";

// Digest labels say "Mar 18" with no year. Here, on the run's database (SQLite, or PostgreSQL
// under scripts/with-postgres.sh): file names that carry a date, as `npm run corpus:digests`
// writes them, date an ingest without --year; --year dates a run that crosses New Year.

const env = await createTestEnv("digest_dates");
const targets = { db: env.db, search: env.search, indexUid: env.indexUid };
afterAll(() => env.cleanup());

const record = (date: string, topic: string): CorpusRecord => ({
  id: `${date}-${topic}`,
  title: `Sparse Attention for ${topic} Models`,
  abstract: `We study sparse attention for ${topic.toLowerCase()} models. It is faster than dense attention in every test we ran.`,
  date,
});

function write(name: string, text: string): string {
  const file = path.join(env.dir, name);
  writeFileSync(file, text);
  return file;
}

async function digestDates(ids: string[]) {
  const rows = await env.db.digest.findMany({ where: { id: { in: ids } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const row = byId.get(id)!;
    return { id, publishedOn: row.publishedOn?.toISOString().slice(0, 10) ?? null, sortKey: row.sortKey };
  });
}

describe("digests named by date, as npm run corpus:digests writes them", () => {
  it("are dated from their file names without --year, across New Year", async () => {
    const records = [
      record("2024-12-30", "Protein"),
      record("2024-12-31", "Weather"),
      record("2025-01-02", "Robot"),
      { ...record("2025-01-02", "Weather"), id: "again" }, // listed again after New Year
    ];
    // The same naming as scripts/corpus-digests.ts: `${date}.txt`, labelled "Dec 30".
    const files = [...byDay(records)].map(([date, day]) => write(`${date}.txt`, renderDigest(dayLabel(date), day)));
    files.push(write("2025-01-06.txt", renderDigest("", [record("2025-01-06", "Speech")])));
    files.push(write("2025-01-08.txt", renderDigest("Jan 7", [record("2025-01-08", "Music")])));

    const summary = await ingestFiles(targets, { files });
    expect(summary).toMatchObject({ failedFiles: 0, indexError: null });
    expect(await digestDates(["2024-12-30", "2024-12-31", "2025-01-02", "2025-01-06", "2025-01-08"])).toEqual([
      { id: "2024-12-30", publishedOn: "2024-12-30", sortKey: 20241230 },
      { id: "2024-12-31", publishedOn: "2024-12-31", sortKey: 20241231 },
      { id: "2025-01-02", publishedOn: "2025-01-02", sortKey: 20250102 },
      { id: "2025-01-06", publishedOn: "2025-01-06", sortKey: 20250106 }, // no label: the name alone
      { id: "2025-01-08", publishedOn: "2025-01-07", sortKey: 20250107 }, // the label's day wins…
    ]);
    // …and the summary says the name and the label disagreed.
    const notes = summary.files.flatMap((f) =>
      f.status === "stored" && f.date.note ? [[path.basename(f.file), f.date.note]] : [],
    );
    expect(notes).toEqual([
      ["2025-01-08.txt", expect.stringContaining('the file name says 2025-01-08 but the label says "Jan 7"')],
    ]);
    expect(summary.files.map((f) => f.status === "stored" && f.date.yearFrom)).toEqual(Array(5).fill("file name"));

    // January's papers are the newest: first on the browse page, the one listed on both sides of New Year among them.
    const browse = await listPapers(1, 5);
    expect(browse.items.map((p) => p.title)).toEqual([
      "Sparse Attention for Music Models",
      "Sparse Attention for Speech Models",
      "Sparse Attention for Robot Models",
      "Sparse Attention for Weather Models",
      "Sparse Attention for Protein Models",
    ]);
    expect(browse.items[3]!.digests.map((d) => d.publishedOn)).toEqual(["2025-01-02", "2024-12-31"]);
  });
});

describe("--year over undated file names", () => {
  it("dates the first file with the year and moves to the next one when the labels go from December to January", async () => {
    const files = [
      write("run_a.txt", renderDigest("Dec 30", [record("x", "Forest")])),
      write("run_b.txt", renderDigest("Dec 31", [record("x", "Ocean")])),
      write("run_c.txt", renderDigest("Jan 1", [record("x", "Desert")])),
      write("run_d.txt", renderDigest("Jan 3", [record("x", "Glacier")])),
    ];
    const summary = await ingestFiles(targets, { files, year: 2022 });
    expect(summary).toMatchObject({ failedFiles: 0, indexError: null });
    expect(await digestDates(["run_a", "run_b", "run_c", "run_d"])).toEqual([
      { id: "run_a", publishedOn: "2022-12-30", sortKey: 20221230 },
      { id: "run_b", publishedOn: "2022-12-31", sortKey: 20221231 },
      { id: "run_c", publishedOn: "2023-01-01", sortKey: 20230101 },
      { id: "run_d", publishedOn: "2023-01-03", sortKey: 20230103 },
    ]);
    expect(summary.files.map((f) => f.status === "stored" && f.date.yearFrom)).toEqual(Array(4).fill("--year"));

    // The digests page lists them newest first, the earlier test's 2024–25 digests above them.
    const listed = (await listDigestInfo()).map((d) => d.publishedOn);
    expect(listed).toEqual([
      "2025-01-07",
      "2025-01-06",
      "2025-01-02",
      "2024-12-31",
      "2024-12-30",
      "2023-01-03",
      "2023-01-01",
      "2022-12-31",
      "2022-12-30",
    ]);
  });

  it("keeps a later run's files without --year undated, as before", async () => {
    const file = write("run_e.txt", renderDigest("Jan 4", [record("x", "Tundra")]));
    const summary = await ingestFiles(targets, { files: [file] });
    expect(summary.files[0]).toMatchObject({ status: "stored", label: "Jan 4", date: { on: null, yearFrom: null } });
    expect(await digestDates(["run_e"])).toEqual([{ id: "run_e", publishedOn: null, sortKey: 104 }]);
  });
});
