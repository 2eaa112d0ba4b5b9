import { digestName, formatDay } from "../papers/digest-name";
import { WINDOW_SIZES, type TrendsParams, type TrendUnit } from "./params";

// Which digests a trends view compares: the recent window ends at the newest digest, the
// baseline window is the stretch just before it. Counted in digests, or in days when the
// digests carry dates. The charts split the baseline into periods as long as the recent window
// (longer when there would be too many), so that each point compares with the last one.

export interface DigestRef {
  id: string;
  fileName: string;
  label: string | null;
  /** "YYYY-MM-DD" when an ingest dated the digest. */
  publishedOn: string | null;
}

export interface Period {
  /** The digests in it, oldest first (may be none: a week without digests). */
  digestIds: string[];
  /** How a sentence names it: "the last digest", "the previous 28 days". */
  name: string;
  /** Its dates or digests: "18 June 2026 – 24 June 2026", "Mar 12". */
  span: string;
}

export interface Windows {
  unit: TrendUnit;
  /** The sizes asked for, in the unit (the baseline may hold fewer digests when there are no more). */
  recentSize: number;
  baselineSize: number;
  /** True when the URL named no window and the data chose it. */
  chosenByData: boolean;
  recent: Period;
  baseline: Period;
  /** The chart's periods, oldest first: the baseline in pieces, then the recent window. */
  points: Period[];
  /** How long each of the baseline's points is, in the unit. */
  pointSize: number;
}

export type WindowChoice =
  | { kind: "windows"; windows: Windows }
  /** Nothing to compare (fewer than two digests, or no digest in the baseline window). */
  | { kind: "empty"; unit: TrendUnit; reason: string }
  /** The URL asks for something these digests cannot give. */
  | { kind: "invalid"; param: string; message: string };

/** The chart shows at most this many points for the baseline. */
export const MAX_BASELINE_POINTS = 12;

const DAY_MS = 86_400_000;
const dayNumber = (isoDay: string) => Math.round(Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS);
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

const plural = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many);

/** How long each baseline point is: a multiple of the recent window, so that there are at most MAX_BASELINE_POINTS. */
export function pointSize(recent: number, baseline: number): number {
  return recent * Math.ceil(Math.ceil(baseline / recent) / MAX_BASELINE_POINTS);
}

function digestSpan(digests: DigestRef[]): string {
  const name = (d: DigestRef) => digestName(d, d.fileName.replace(/\.txt$/i, ""));
  if (digests.length === 0) return "";
  const first = name(digests[0]!);
  const last = name(digests[digests.length - 1]!);
  return first === last ? first : `${first} – ${last}`;
}

function daySpan(from: number, to: number): string {
  return from === to ? formatDay(isoOf(to)) : `${formatDay(isoOf(from))} – ${formatDay(isoOf(to))}`;
}

/**
 * The windows for these digests (oldest first, as pages order them) and URL parameters.
 * Without `window`, days are used when the digests are dated and the 28 days before the last
 * 7 hold a digest; else the last digest against the 5 before it.
 */
export function chooseWindows(digests: DigestRef[], params: TrendsParams): WindowChoice {
  const dated = digests.some((d) => d.publishedOn !== null);
  if (params.window === "days" && !dated) {
    return {
      kind: "invalid",
      param: "window",
      message:
        "no digest carries a date (ingest with --year, or name the files by date), so windows of days cannot be made: use window=digests",
    };
  }
  if (params.window) {
    const sizes = WINDOW_SIZES[params.window];
    const recent = params.recent ?? sizes.recent;
    const baseline = params.baseline ?? sizes.baseline;
    return params.window === "days"
      ? dayWindows(digests, recent, baseline, false)
      : digestWindows(digests, recent, baseline, false);
  }
  if (dated) {
    const byDays = dayWindows(digests, WINDOW_SIZES.days.recent, WINDOW_SIZES.days.baseline, true);
    if (byDays.kind === "windows") return byDays;
  }
  return digestWindows(digests, WINDOW_SIZES.digests.recent, WINDOW_SIZES.digests.baseline, true);
}

function digestWindows(digests: DigestRef[], recentSize: number, baselineSize: number, chosenByData: boolean): WindowChoice {
  if (digests.length <= recentSize) {
    return {
      kind: "empty",
      unit: "digests",
      reason:
        digests.length === 0
          ? "No digest has been ingested yet."
          : `There ${digests.length === 1 ? "is one digest" : `are ${digests.length} digests`}: no digest before the last ${recentSize === 1 ? "one" : recentSize} to compare with.`,
    };
  }
  const recent = digests.slice(-recentSize);
  const baseline = digests.slice(Math.max(0, digests.length - recentSize - baselineSize), -recentSize);
  const size = pointSize(recentSize, baseline.length);
  const points: Period[] = [];
  for (let end = baseline.length; end > 0; end -= size) {
    const piece = baseline.slice(Math.max(0, end - size), end);
    points.unshift({ digestIds: piece.map((d) => d.id), name: digestSpan(piece), span: digestSpan(piece) });
  }
  const recentPeriod: Period = {
    digestIds: recent.map((d) => d.id),
    name: recentSize === 1 ? "the last digest" : `the last ${recentSize} digests`,
    span: digestSpan(recent),
  };
  points.push(recentPeriod);
  return {
    kind: "windows",
    windows: {
      unit: "digests",
      recentSize,
      baselineSize,
      chosenByData,
      recent: recentPeriod,
      baseline: {
        digestIds: baseline.map((d) => d.id),
        name: baseline.length === 1 ? "the previous digest" : `the previous ${baseline.length} digests`,
        span: digestSpan(baseline),
      },
      points,
      pointSize: size,
    },
  };
}

function dayWindows(digests: DigestRef[], recentSize: number, baselineSize: number, chosenByData: boolean): WindowChoice {
  const dated = digests.filter((d): d is DigestRef & { publishedOn: string } => d.publishedOn !== null);
  const last = Math.max(...dated.map((d) => dayNumber(d.publishedOn)));
  // Days back from the newest digest's day: 0 is its day.
  const age = (d: { publishedOn: string }) => last - dayNumber(d.publishedOn);
  const inDays = (from: number, to: number) => dated.filter((d) => age(d) >= from && age(d) < to).map((d) => d.id);
  const recentIds = inDays(0, recentSize);
  const baselineIds = inDays(recentSize, recentSize + baselineSize);
  const recentName = recentSize === 1 ? "the last day" : `the last ${recentSize} days`;
  const baselineName = baselineSize === 1 ? "the day before" : `the previous ${baselineSize} days`;
  if (baselineIds.length === 0) {
    return {
      kind: "empty",
      unit: "days",
      reason: `No digest is dated in the ${baselineSize} ${plural(baselineSize, "day")} before ${recentName}: nothing to compare with.`,
    };
  }
  const size = pointSize(recentSize, baselineSize);
  const points: Period[] = [];
  for (let from = recentSize; from < recentSize + baselineSize; from += size) {
    const to = Math.min(from + size, recentSize + baselineSize);
    const span = daySpan(last - to + 1, last - from);
    points.unshift({ digestIds: inDays(from, to), name: span, span });
  }
  const recent: Period = { digestIds: recentIds, name: recentName, span: daySpan(last - recentSize + 1, last) };
  points.push(recent);
  return {
    kind: "windows",
    windows: {
      unit: "days",
      recentSize,
      baselineSize,
      chosenByData,
      recent,
      baseline: {
        digestIds: baselineIds,
        name: baselineName,
        span: daySpan(last - recentSize - baselineSize + 1, last - recentSize),
      },
      points,
      pointSize: size,
    },
  };
}
