import { extractCodeUrls } from "./code-links";
import { isBoilerplate, isDateLabel, splitGluedHeader } from "./header";
import type { DigestEntry, DigestLayout, DigestProblem, ParsedDigest } from "./types";

/** Longest title we accept; real ones reach about 200 characters. */
export const MAX_TITLE_CHARS = 1_000;
/** Longest abstract we accept; arXiv caps abstracts near 2,000 characters. */
export const MAX_ABSTRACT_CHARS = 20_000;
/** Problems listed per file before the rest are summed up in one line. */
const MAX_PROBLEMS = 20;

interface Line {
  text: string;
  number: number;
}

/**
 * Turns the text of a digest file into its metadata, entries and problems. Pure: no I/O.
 *
 * Layout: boilerplate header lines (and an optional "Mar 12" label), then for each paper a
 * title line and an abstract line, either separated by blank lines or alternating directly.
 * Blank lines carry no meaning, so both layouts reduce to the sequence of non-blank lines.
 *
 * Title versus abstract: a title is a heading and an abstract is prose. A line reads as prose
 * (see `readsAsProse`) when it has several sentences, or ends a sentence and runs long. The
 * sequence must alternate title → abstract; a prose line where a title is due is an abstract
 * with no title, and a heading (`readsAsHeading`) where an abstract is due means the previous
 * title lost its abstract. Length alone never decides: long titles and short abstracts exist.
 */
export function parseDigest(text: string): ParsedDigest {
  const problems: DigestProblem[] = [];
  const lines = splitLines(text);
  const nonBlank = lines.filter((line) => line.text.length > 0);
  const layout = detectLayout(nonBlank);

  if (nonBlank.length === 0) {
    return { label: null, layout, entries: [], problems: [{ message: "the file is empty" }] };
  }

  const { label, content } = readHeader(nonBlank);
  const entries: DigestEntry[] = [];
  let pendingTitle: Line | null = null;

  for (let i = 0; i < content.length; i++) {
    const line = content[i]!;
    if (line.text.length > MAX_ABSTRACT_CHARS) {
      // Too long for anything a digest holds; it takes the place of whatever was due.
      problems.push({ line: line.number, message: tooLong(line.text.length, MAX_ABSTRACT_CHARS, "any abstract") });
      pendingTitle = null;
      continue;
    }
    if (pendingTitle === null) {
      if (readsAsProse(line.text)) {
        problems.push({ line: line.number, message: "an abstract with no title before it" });
      } else if (line.text.length > MAX_TITLE_CHARS) {
        problems.push({ line: line.number, message: tooLong(line.text.length, MAX_TITLE_CHARS, "a title") });
      } else {
        pendingTitle = line;
      }
      continue;
    }
    if (readsAsHeading(line.text)) {
      problems.push({ line: pendingTitle.number, message: `the title "${clip(pendingTitle.text)}" has no abstract` });
      pendingTitle = line;
      continue;
    }
    entries.push({
      title: pendingTitle.text,
      abstract: line.text,
      position: entries.length + 1,
      line: pendingTitle.number,
      codeUrls: extractCodeUrls(line.text),
    });
    pendingTitle = null;
  }

  if (pendingTitle) {
    problems.push({
      line: pendingTitle.number,
      message: `the title "${clip(pendingTitle.text)}" has no abstract (is the file cut short?)`,
    });
  }
  // A cut-off file ends mid-line: no final line break, and a last abstract that does not end
  // as prose does. Either alone is normal (some abstracts end on a formula or a number).
  const last = entries.at(-1);
  if (last && !/[\r\n]\s*$/.test(text) && !endsLikeProse(last.abstract)) {
    problems.push({
      line: last.line + (layout === "blank-separated" ? 2 : 1),
      message: "the last abstract stops mid-sentence (is the file cut short?)",
    });
  }
  if (entries.length === 0 && problems.length === 0) {
    problems.push({ message: "no paper entries after the header" });
  }
  return { label, layout, entries, problems: capProblems(problems) };
}

function detectLayout(nonBlank: Line[]): DigestLayout {
  const first = nonBlank[0]?.number ?? 0;
  const last = nonBlank.at(-1)?.number ?? 0;
  return last - first + 1 > nonBlank.length ? "blank-separated" : "alternating";
}

/** Splits on LF, CRLF or CR; drops a BOM, trims each line and folds inner whitespace runs. */
function splitLines(text: string): Line[] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((raw, index) => ({ text: raw.replace(/[\s\u00A0]+/g, " ").trim(), number: index + 1 }));
}

function readHeader(lines: Line[]): { label: string | null; content: Line[] } {
  let label: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBoilerplate(line.text)) continue;
    if (label === null && isDateLabel(line.text)) {
      label = line.text;
      continue;
    }
    const glued = splitGluedHeader(line.text);
    const rest = lines.slice(i + 1);
    return { label, content: glued ? [{ text: glued, number: line.number }, ...rest] : lines.slice(i) };
  }
  return { label, content: [] };
}

const SENTENCE_BREAK = /[.!?]["')\]]?\s+(?=[\p{Lu}\p{N}(])/gu;

/**
 * Prose, not a heading: two or more sentence breaks, or one break and a line that ends a
 * sentence with a full stop, or a single very long sentence. Titles may contain one "?" or
 * "vs." break ("Scattered or Connected? An Optimized …") but do not end with a full stop.
 */
export function readsAsProse(text: string): boolean {
  const breaks = sentenceBreaks(text);
  if (breaks >= 2) return true;
  return endsWithStop(text) && (breaks === 1 || wordCount(text) > 40);
}

/**
 * A heading, not prose: no final full stop, no full stop between sentences (a "?" or "!" may
 * split a title, as may "vs."), at most one sentence break, a few dozen words. A cut-off
 * abstract ("We study X. It behaves as exp") is not a heading: it has a full-stop break.
 */
export function readsAsHeading(text: string): boolean {
  return !endsWithStop(text) && sentenceBreaks(text) <= 1 && !FULL_STOP_BREAK.test(text) && wordCount(text) <= 40;
}

// A full stop ending a sentence: after a word that is not an abbreviation, before a capital.
const FULL_STOP_BREAK = /(?<!\b(?:vs|e\.g|i\.e|al|etc|cf|Fig|Eq|Dr|Mr|Ms|St|No|[A-Z]))\.\s+\p{Lu}/u;

function sentenceBreaks(text: string): number {
  return text.match(SENTENCE_BREAK)?.length ?? 0;
}

/** A final full stop; "!" and "?" end titles too ("… From Data Generation Perspective!"). */
function endsWithStop(text: string): boolean {
  return /\.["')\]]?$/.test(text);
}

/** Ends as a finished sentence does, or with a URL, which abstracts often end on. */
function endsLikeProse(text: string): boolean {
  return /[.!?)\]}"'”]$/.test(text) || /\S+\/\S*$/.test(text.split(" ").at(-1) ?? "");
}

function wordCount(text: string): number {
  return text.split(" ").length;
}

function tooLong(length: number, max: number, what: string): string {
  const n = (x: number) => x.toLocaleString("en-US");
  return `a line of ${n(length)} characters, longer than ${what} may be (${n(max)})`;
}

function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function capProblems(problems: DigestProblem[]): DigestProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const rest = problems.length - MAX_PROBLEMS;
  return [...problems.slice(0, MAX_PROBLEMS), { message: `… and ${rest} more problems` }];
}
