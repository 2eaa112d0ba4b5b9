import { labelMonthDay } from "../digest";

// A digest's label says "Mar 18" with no year. The year comes from an ISO date in the file
// name ("2025-03-18.txt"), else from --year, else the digest stays undated (ordered by its
// month and day only). No year is ever guessed from the clock.

/** Years a digest may be dated with (--year, or a date in a file name). */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/** How far a label may sit from the date it is placed next to: half a year. */
const HALF_YEAR_MS = 184 * 24 * 60 * 60 * 1000;

export interface DigestDate {
  publishedOn: Date | null;
  /** YYYYMMDD with a year, MMDD from the label alone, 0 without a label. */
  sortKey: number;
}

export interface DatedDigest extends DigestDate {
  /** Where the year came from; null when the digest stays undated. */
  yearFrom: "file name" | "--year" | null;
  /** Set when the file name's date and the label disagree, saying which date was kept. */
  note: string | null;
}

/** The ISO date (YYYY-MM-DD) in a file's name, if it has a real one: "2025-03-18.txt", "digest_2025-03-18.txt". */
export function fileNameDate(fileName: string): Date | null {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const match = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(base);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  return calendarDate(year, Number(match[2]) * 100 + Number(match[3]));
}

/**
 * Dates the digests of one run, in the order the files are given. A file whose name carries a
 * date is dated by it. `--year` dates the other labelled files: it is the year of the first
 * of them, and each later one takes the year that puts its label nearest (within half a year)
 * to the one before it, so "Dec 30, Dec 31, Jan 1" puts January in the next year, and files
 * listed newest first ("Jan 2, Dec 31") step back a year just as well.
 */
export function createDigestDater(year?: number): (fileName: string, label: string | null) => DatedDigest {
  let previous: Date | null = null; // the last file dated by --year in this run
  return (fileName, label) => {
    const monthDay = label ? labelMonthDay(label) : null;
    const named = fileNameDate(fileName);
    if (named) return byFileName(named, label, monthDay);
    if (monthDay === null) return undated(0);
    if (year === undefined) return undated(monthDay);
    const date = previous ? nearestDate(monthDay, previous) : calendarDate(year, monthDay);
    if (!date) return undated(monthDay); // "Feb 30", or "Feb 29" in a year without one
    previous = date;
    return dated(date, "--year", null);
  };
}

/**
 * The file name's date, unless the label names another day: then the label's day wins (it is
 * what the page printed; a file is often saved a day late), in the year nearest the name's date.
 */
function byFileName(named: Date, label: string | null, monthDay: number | null): DatedDigest {
  if (monthDay === null || monthDay === toMonthDay(named)) return dated(named, "file name", null);
  const nearest = nearestDate(monthDay, named);
  if (!nearest) {
    return dated(named, "file name", `the label "${label}" is not a day; dated ${isoDay(named)} from the file name`);
  }
  return dated(
    nearest,
    "file name",
    `the file name says ${isoDay(named)} but the label says "${label}": dated ${isoDay(nearest)} (the label's day, nearest the file name's date)`,
  );
}

/** The date with this month and day nearest to `reference` (at most half a year away; later on a tie). */
function nearestDate(monthDay: number, reference: Date): Date | null {
  const year = reference.getUTCFullYear();
  let best: Date | null = null;
  for (const candidate of [year + 1, year, year - 1].map((y) => calendarDate(y, monthDay))) {
    if (!candidate) continue;
    const distance = Math.abs(candidate.getTime() - reference.getTime());
    if (distance <= HALF_YEAR_MS && (!best || distance < Math.abs(best.getTime() - reference.getTime()))) best = candidate;
  }
  return best;
}

/** Midnight UTC of that day, or null when the day does not exist ("Feb 30"). */
function calendarDate(year: number, monthDay: number): Date | null {
  const month = Math.floor(monthDay / 100);
  const day = monthDay % 100;
  if (month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? date : null;
}

function toMonthDay(date: Date): number {
  return (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function dated(date: Date, yearFrom: "file name" | "--year", note: string | null): DatedDigest {
  return { publishedOn: date, sortKey: date.getUTCFullYear() * 10_000 + toMonthDay(date), yearFrom, note };
}

function undated(sortKey: number): DatedDigest {
  return { publishedOn: null, sortKey, yearFrom: null, note: null };
}
