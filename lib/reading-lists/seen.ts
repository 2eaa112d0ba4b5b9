import { mergeLibraries, type Library, type MergeSkipped } from "./document";
import type { Visit } from "./visit";

// Issue 14 §2, kept in the same document as the lists (optional top-level fields, so a build
// that predates them keeps them untouched): which papers were shown on screen and which
// digests were opened (with when, for "hide seen"), the current visit, and the papers the
// visitor is not interested in. Pure functions, like document.ts.

/** The seen set keeps the newest this many papers (about 1 MB of storage at most). */
export const MAX_SEEN_PAPERS = 20_000;
export const MAX_SEEN_DIGESTS = 2_000;
export const MAX_NOT_INTERESTED = 10_000;

/** Slug or digest id → when it was first seen, in whole seconds since the epoch (compact). */
export type SeenTimes = Record<string, number>;

export interface Seen {
  papers: SeenTimes;
  digests: SeenTimes;
}

export interface NotInterested {
  slug: string;
  /** When it was hidden (ISO 8601). */
  at: string;
}

/** The fields this file adds to the document. */
export interface SeenFields {
  seen?: Seen;
  visit?: Visit;
  notInterested?: NotInterested[];
}

const EMPTY_SEEN: Seen = { papers: {}, digests: {} };

export function seconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** The newest `max` times (ties keep their order); the same object when there are no more than that. */
function capTimes(times: SeenTimes, max: number): SeenTimes {
  const entries = Object.entries(times);
  if (entries.length <= max) return times;
  return Object.fromEntries(entries.sort((a, b) => b[1] - a[1]).slice(0, max));
}

/** Adds keys not yet there at `at`; over `max`, the oldest go. The same object when nothing was added. */
function addTimes(times: SeenTimes, keys: Iterable<string>, at: number, max: number): SeenTimes {
  let next: SeenTimes | null = null;
  for (const key of keys) {
    if (Object.hasOwn(times, key) || (next && Object.hasOwn(next, key))) continue;
    next ??= { ...times };
    next[key] = at;
  }
  return next ? capTimes(next, max) : times;
}

export function seenOf(library: Library): Seen {
  return library.seen ?? EMPTY_SEEN;
}

/** Records papers as shown on screen (the first time counts); keeps the newest MAX_SEEN_PAPERS. */
export function markPapersSeen(library: Library, slugs: Iterable<string>, now: Date): Library {
  const seen = seenOf(library);
  const papers = addTimes(seen.papers, slugs, seconds(now), MAX_SEEN_PAPERS);
  return papers === seen.papers ? library : { ...library, seen: { ...seen, papers } };
}

export function markDigestVisited(library: Library, digestId: string, now: Date): Library {
  const seen = seenOf(library);
  const digests = addTimes(seen.digests, [digestId], seconds(now), MAX_SEEN_DIGESTS);
  return digests === seen.digests ? library : { ...library, seen: { ...seen, digests } };
}

/** When a paper was first seen (seconds since the epoch), or undefined. */
export function paperSeenAt(library: Library, slug: string): number | undefined {
  const papers = seenOf(library).papers;
  return Object.hasOwn(papers, slug) ? papers[slug] : undefined;
}

export function digestVisited(library: Library, digestId: string): boolean {
  return Object.hasOwn(seenOf(library).digests, digestId);
}

export function notInterestedIn(library: Library): NotInterested[] {
  return library.notInterested ?? [];
}

export function isNotInterested(library: Library, slug: string): boolean {
  return notInterestedIn(library).some((n) => n.slug === slug);
}

/** Hides a paper for good (newest first); at MAX_NOT_INTERESTED the oldest is forgotten. */
export function markNotInterested(library: Library, slug: string, now: Date): Library {
  if (isNotInterested(library, slug)) return library;
  const notInterested = [{ slug, at: now.toISOString() }, ...notInterestedIn(library)].slice(0, MAX_NOT_INTERESTED);
  return { ...library, notInterested };
}

/** Undoes markNotInterested (the "Undo" of a card and "Show again" on /lists). */
export function restoreInterest(library: Library, slug: string): Library {
  if (!isNotInterested(library, slug)) return library;
  return { ...library, notInterested: notInterestedIn(library).filter((n) => n.slug !== slug) };
}

function unionTimes(a: SeenTimes, b: SeenTimes, max: number): SeenTimes {
  const merged: SeenTimes = { ...b };
  for (const [key, at] of Object.entries(a)) merged[key] = Object.hasOwn(merged, key) ? Math.min(merged[key]!, at) : at;
  return capTimes(merged, max);
}

/**
 * Merges an imported file (mergeLibraries), and joins the §2 fields: papers not interested in
 * and papers seen in either (the earlier time wins). This library's visit stays. Kept out of
 * document.ts so that pages with only a Save button do not load this file.
 */
export function mergeImport(current: Library, imported: Library): { library: Library; skipped: MergeSkipped } {
  const { library, skipped } = mergeLibraries(current, imported);
  return { library: { ...library, ...mergeSeenFields(current, imported) }, skipped };
}

function mergeSeenFields(current: Library, imported: Library): SeenFields {
  const fields: SeenFields = {};
  if (imported.notInterested || current.notInterested) {
    const have = new Set(notInterestedIn(current).map((n) => n.slug));
    fields.notInterested = [...notInterestedIn(current), ...notInterestedIn(imported).filter((n) => !have.has(n.slug))].slice(
      0,
      MAX_NOT_INTERESTED,
    );
  }
  if (imported.seen || current.seen) {
    const mine = seenOf(current);
    const theirs = seenOf(imported);
    fields.seen = {
      papers: unionTimes(mine.papers, theirs.papers, MAX_SEEN_PAPERS),
      digests: unionTimes(mine.digests, theirs.digests, MAX_SEEN_DIGESTS),
    };
  }
  return fields;
}
