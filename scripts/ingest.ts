// npm run ingest [-- files… --year YYYY]: digest files → database → search index.
import { readdir } from "node:fs/promises";
import { parseArgs } from "node:util";
import { SingleBar, Presets } from "cli-progress";
import { db } from "@/lib/db";
import { databaseUrl } from "@/lib/env";
import { deployMigrations } from "@/lib/migrations/migrate";
import { ingestFiles, type FileOutcome } from "@/lib/ingest/ingest";
import { MAX_YEAR, MIN_YEAR } from "@/lib/ingest/digest-date";
import { indexName, adminClient } from "@/lib/meilisearch/client";
import { fail, formatMs, run } from "./lib/cli";

const USAGE = `usage: npm run ingest [-- [--year YYYY] [file.txt …]]   (default: seeds/*.txt)

Files are read in the order given. A digest's label ("Mar 18") has no year; it comes from
  1. an ISO date in the file name (2025-03-18.txt). If the label names another day, the
     label's day is kept, in the year nearest the name's date, and the summary says so;
  2. else --year YYYY, the year of the first such file: each later one takes the year that
     puts its label nearest the one before, so "Dec 31" then "Jan 1" dates January in
     YYYY+1 (and files given newest first step back a year);
  3. else nothing: the digest stays undated, ordered by its month and day only.`;

run(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { year: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR)) {
    fail(`--year must be a year such as 2024, not "${values.year}"\n${USAGE}`, 2);
  }
  const files = positionals.length > 0 ? positionals : await seedFiles();
  if (files.length === 0) fail(`no digest files to ingest\n${USAGE}`, 2);

  // A fresh checkout has no database yet: bring its schema up to date first (idempotent).
  await deployMigrations(databaseUrl());
  console.log(
    `Ingesting ${files.length} digest file${files.length === 1 ? "" : "s"}${year ? ` (--year ${year} for names without a date)` : ""}`,
  );
  const bar = new SingleBar(
    { format: "  {bar} {value}/{total} files | {file}", hideCursor: true, clearOnComplete: true, noTTYOutput: false },
    Presets.shades_classic,
  );
  const indexBar = new SingleBar(
    { format: "  {bar} {value}/{total} papers indexed", hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  let indexing = false;
  const interactive = process.stdout.isTTY;
  if (interactive) bar.start(files.length, 0, { file: "" });
  const summary = await ingestFiles(
    { db: db(), search: adminClient(), indexUid: indexName() },
    { files, year },
    {
      waiting: (holder, since) =>
        console.log(`  Waiting: another writer holds the database (${holder}, since ${since.toLocaleTimeString()})…`),
      phrasesBackfill: (papers) =>
        console.log(`  Making the key phrases (for /trends) of ${papers} papers stored before they existed (once)…`),
      fileStart: (file, i) => interactive && bar.update(i, { file }),
      // In a log, the last "storing" line without its "✔" names the file a crash interrupted.
      fileStoring: (file) => {
        if (!interactive) console.log(`  … ${file}: storing`);
      },
      fileDone: (outcome) => {
        if (interactive) bar.increment(1, { file: outcome.file });
        else console.log(describeOutcome(outcome));
      },
      indexProgress: (indexed, total) => {
        if (!interactive) return console.log(`  index: ${indexed}/${total} papers indexed`);
        // The files are stored by now; the rest is Meilisearch catching up.
        if (!indexing) {
          bar.stop();
          indexBar.start(total, 0);
          indexing = true;
        }
        indexBar.setTotal(total);
        indexBar.update(indexed);
      },
    },
  );
  if (interactive) {
    bar.stop();
    indexBar.stop();
    for (const outcome of summary.files) console.log(describeOutcome(outcome));
  }

  const changed = summary.newPapers + summary.updatedPapers;
  console.log(
    [
      "",
      "Summary",
      `  files      ${summary.files.length} (${summary.files.length - summary.failedFiles} read, ${summary.failedFiles} failed)`,
      `  entries    ${summary.entries}`,
      `  papers     ${summary.newPapers} new, ${summary.updatedPapers} updated, ${summary.unchangedPapers} unchanged`,
      `  index      ${summary.indexError ? "NOT updated" : `${summary.indexed} papers sent`}`,
      ...describeDates(summary.files),
      `  time       ${formatMs(summary.ms)}`,
    ].join("\n"),
  );
  if (changed === 0 && summary.indexed === 0 && summary.failedFiles === 0 && !summary.indexError) {
    console.log("\nNothing changed: the database and the index already hold these files.");
  }
  if (summary.indexError) {
    console.error(
      `\n✖ The search index could not be updated (the database is saved): ${summary.indexError}\n` +
        "  Start it (`npm start`, or `npm run meili` for the search engine alone), or check MEILI_URL / MEILI_API_KEY;\n  then run `npm run ingest` again: it sends whatever the index missed.",
    );
  }
  if (summary.failedFiles > 0) {
    console.error(`\n✖ ${summary.failedFiles} file(s) were skipped; nothing from them was stored. Fix them and run again.`);
  }
  return summary.failedFiles > 0 || summary.indexError ? 1 : 0;
});

async function seedFiles(): Promise<string[]> {
  const names = await readdir("seeds").catch(() => []);
  return names
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => `seeds/${name}`);
}

/** Where the digests' years came from, and which file names disagreed with their labels. */
function describeDates(outcomes: FileOutcome[]): string[] {
  const stored = outcomes.flatMap((o) => (o.status === "stored" ? [o] : []));
  const count = (from: string | null) => stored.filter((o) => o.date.yearFrom === from).length;
  const noYear = stored.filter((o) => o.date.on === null && o.label !== null).length;
  const lines = [];
  if (count("file name") + count("--year") + noYear > 0) {
    lines.push(
      `  dates      ${count("file name")} from file names, ${count("--year")} from --year, ${noYear} without a year${noYear > 0 ? " (see --help)" : ""}`,
    );
  }
  for (const o of stored) if (o.date.note) lines.push(`  ! ${o.file}: ${o.date.note}`);
  return lines;
}

function describeOutcome(outcome: FileOutcome): string {
  switch (outcome.status) {
    case "stored": {
      const what = outcome.newPapers + outcome.updatedPapers === 0 && !outcome.digestChanged ? "unchanged" : "stored";
      return `  ✔ ${outcome.file}: ${outcome.entries} entries, ${what} (${outcome.newPapers} new, ${outcome.updatedPapers} updated papers)`;
    }
    case "duplicate":
      return `  • ${outcome.file}: same content as ${outcome.of}, skipped`;
    case "failed":
      return [
        `  ✖ ${outcome.file}: skipped`,
        ...outcome.problems.map((p) => `      ${outcome.file}${p.line ? `:${p.line}` : ""}: ${p.message}`),
      ].join("\n");
  }
}
