import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseDigest } from "../../lib/digest";

// Renders real arXiv records as digest files in the seed layout, for scale tests and
// benchmarks: one file per listing day, newest paper first as on a daily page.

export interface CorpusRecord {
  id: string;
  title: string;
  abstract: string;
  date: string;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2025-03-18" → "Mar 18", the label a daily page prints. */
export function dayLabel(date: string): string {
  const [, month, day] = date.split("-");
  return `${MONTHS[Number(month) - 1]} ${Number(day)}`;
}

/** One line of text: digests hold a title or an abstract per line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function renderDigest(label: string, records: CorpusRecord[]): string {
  const header = [
    "new",
    "",
    "Get trending papers in your email inbox!",
    "",
    "Subscribe",
    "",
    "byAK and the research community",
    "",
    label,
    "",
  ];
  const body = records.flatMap((r) => [oneLine(r.title), "", oneLine(r.abstract), ""]);
  return [...header, ...body].join("\n");
}

/** Groups records by listing day, in date order. */
export function byDay(records: CorpusRecord[]): Map<string, CorpusRecord[]> {
  const days = new Map<string, CorpusRecord[]>();
  for (const record of records) days.set(record.date, [...(days.get(record.date) ?? []), record]);
  return new Map([...days].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

/**
 * Writes records as digest files in `dir`, one per listing day, each named by its date
 * (2025-03-18.txt) so that an ingest dates it without --year; returns their paths in date
 * order. Throws if a rendered file would not parse cleanly.
 */
export function writeCorpusDigests(records: CorpusRecord[], dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const [date, day] of byDay(records)) {
    const text = renderDigest(dayLabel(date), day);
    const problem = parseDigest(text).problems[0];
    if (problem) throw new Error(`rendering ${date} gave a digest with problems: ${problem.message}`);
    const file = path.join(dir, `${date}.txt`);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}
