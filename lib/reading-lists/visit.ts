// Visits, for "new since your last visit": page loads less than VISIT_GAP_MS apart are one
// visit, and "your last visit" is the start of the visit before this one. Tiny and without
// imports: the site header, on every page, records a visit with it.

/** Page loads closer together than this belong to the same visit. */
export const VISIT_GAP_MS = 30 * 60_000;
/** A page load this soon after the last one recorded is not written again (the visit goes on either way). */
const RECORD_EVERY_MS = 60_000;

export interface Visit {
  /** When this visit began (ISO 8601). */
  start: string;
  /** The latest page load of this visit. */
  last: string;
  /** When the visit before this one began: papers stored after it are new to the visitor. Null on a first visit. */
  previous: string | null;
}

function time(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/**
 * The visit a page load at `now` belongs to, given the one stored (anything: it is read without a
 * validator, and what is not a visit counts as none). Pure: every reader computes the same visit
 * whether or not the page load has been written yet.
 */
export function visitAt(stored: unknown, now: Date): Visit {
  const visit = typeof stored === "object" && stored !== null ? (stored as Record<string, unknown>) : {};
  const start = time(visit.start);
  const last = time(visit.last);
  const iso = now.toISOString();
  if (start === null || last === null) return { start: iso, last: iso, previous: null };
  // A clock set back a little (or another tab's later load) continues the visit too.
  if (now.getTime() - last < VISIT_GAP_MS) {
    const previous = time(visit.previous);
    return {
      start: new Date(start).toISOString(),
      last: new Date(Math.max(last, now.getTime())).toISOString(),
      previous: previous === null ? null : new Date(previous).toISOString(),
    };
  }
  return { start: iso, last: iso, previous: new Date(start).toISOString() };
}

/** Whether the visit at `now` differs enough from the stored one to be written. */
export function visitNeedsWrite(stored: unknown, next: Visit): boolean {
  const visit = typeof stored === "object" && stored !== null ? (stored as Record<string, unknown>) : {};
  const last = time(visit.last);
  return visit.start !== next.start || last === null || (time(next.last) ?? 0) - last >= RECORD_EVERY_MS;
}

/** Whether a paper first stored at `firstSeenAt` arrived after the visitor's last visit began. */
export function isNewSince(firstSeenAt: string | undefined, visit: Visit | null): boolean {
  if (!visit?.previous || !firstSeenAt) return false;
  const first = time(firstSeenAt);
  const previous = time(visit.previous);
  return first !== null && previous !== null && first > previous;
}
