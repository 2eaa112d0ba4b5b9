import { describe, expect, it } from "vitest";
import { trendsHref, trendsParamsSchema } from "@/lib/trends/params";
import { chooseWindows, MAX_BASELINE_POINTS, pointSize, type DigestRef } from "@/lib/trends/windows";

const undated = (n: number): DigestRef[] =>
  Array.from({ length: n }, (_, i) => ({ id: `d${i}`, fileName: `00${i}_x.txt`, label: `Mar ${10 + i}`, publishedOn: null }));

/** Digests on these days of June 2026 (oldest first). */
const june = (...days: number[]): DigestRef[] =>
  days.map((day) => {
    const iso = `2026-06-${String(day).padStart(2, "0")}`;
    return { id: iso, fileName: `${iso}.txt`, label: null, publishedOn: iso };
  });

const windows = (digests: DigestRef[], query: Record<string, string> = {}) => {
  const choice = chooseWindows(digests, trendsParamsSchema.parse(query));
  if (choice.kind !== "windows") throw new Error(`expected windows, got ${JSON.stringify(choice)}`);
  return choice.windows;
};

describe("trend parameters", () => {
  it("take the window and its sizes from the URL, and nothing else", () => {
    expect(trendsParamsSchema.parse({ window: "days", recent: "14", baseline: "28", page: "2" })).toEqual({
      window: "days",
      recent: 14,
      baseline: 28,
    });
    expect(trendsParamsSchema.parse({ window: "", recent: "" })).toEqual({});
  });

  it.each([
    [{ window: "weeks" }, "window", 'must be "digests" or "days"'],
    [{ window: "digests", recent: "0" }, "recent", "must be at least 1"],
    [{ window: "digests", recent: "1.5" }, "recent", "must be a whole number"],
    [{ window: "digests", recent: "11" }, "recent", "must be at most 10 digests"],
    [{ window: "days", recent: "28", baseline: "57" }, "baseline", "must be at most 56"],
    [{ window: "digests", baseline: "51" }, "baseline", "must be at most 50 digests"],
    [{ recent: "3" }, "recent", 'needs window ("digests" or "days") to say what it counts'],
    [{ window: ["days", "digests"] }, "window", "expected one value, got several"],
  ])("refuses %j (%s: %s)", (query, param, message) => {
    const parsed = trendsParamsSchema.safeParse(query);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: [param], message });
  });

  it("write back into a URL that parses to the same view", () => {
    expect(trendsHref({})).toBe("/trends");
    const href = trendsHref({ window: "days", recent: 7, baseline: 28 });
    expect(href).toBe("/trends?window=days&recent=7&baseline=28");
    expect(trendsParamsSchema.parse(Object.fromEntries(new URL(href, "http://x").searchParams))).toEqual({
      window: "days",
      recent: 7,
      baseline: 28,
    });
  });
});

describe("choosing windows from the data", () => {
  it("compares the last digest with the five before it when the digests are undated", () => {
    const w = windows(undated(8));
    expect(w).toMatchObject({ unit: "digests", recentSize: 1, baselineSize: 5, chosenByData: true, pointSize: 1 });
    expect(w.recent).toMatchObject({ digestIds: ["d7"], name: "the last digest", span: "Mar 17" });
    expect(w.baseline).toMatchObject({
      digestIds: ["d2", "d3", "d4", "d5", "d6"],
      name: "the previous 5 digests",
      span: "Mar 12 – Mar 16",
    });
    expect(w.points.map((p) => p.digestIds)).toEqual([["d2"], ["d3"], ["d4"], ["d5"], ["d6"], ["d7"]]);
  });

  it("names the baseline by the digests there are when fewer than asked", () => {
    const w = windows(undated(3));
    expect(w.baseline).toMatchObject({ digestIds: ["d0", "d1"], name: "the previous 2 digests" });
    expect(windows(undated(2)).baseline.name).toBe("the previous digest");
  });

  it("has nothing to compare with a single digest, or none", () => {
    expect(chooseWindows(undated(1), {})).toMatchObject({ kind: "empty", unit: "digests" });
    expect(chooseWindows([], {})).toEqual({ kind: "empty", unit: "digests", reason: "No digest has been ingested yet." });
    expect(chooseWindows(undated(3), trendsParamsSchema.parse({ window: "digests", recent: "3" }))).toMatchObject({
      kind: "empty",
      reason: "There are 3 digests: no digest before the last 3 to compare with.",
    });
  });

  it("uses the last 7 days against the 28 before them when the digests are dated", () => {
    const digests = [...june(1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 15, 16, 17, 18, 19, 22, 23, 24, 25, 26, 29, 30)];
    const w = windows(digests);
    expect(w).toMatchObject({ unit: "days", recentSize: 7, baselineSize: 28, chosenByData: true, pointSize: 7 });
    // The newest digest is June 30: the last 7 days are June 24–30, the 28 before May 27 – June 23.
    expect(w.recent.digestIds).toEqual(["2026-06-24", "2026-06-25", "2026-06-26", "2026-06-29", "2026-06-30"]);
    expect(w.recent.span).toBe("24 June 2026 – 30 June 2026");
    expect(w.baseline.digestIds).toHaveLength(digests.length - 5);
    expect(w.baseline.span).toBe("27 May 2026 – 23 June 2026");
    expect(w.points.map((p) => p.span)).toEqual([
      "27 May 2026 – 2 June 2026",
      "3 June 2026 – 9 June 2026",
      "10 June 2026 – 16 June 2026",
      "17 June 2026 – 23 June 2026",
      "24 June 2026 – 30 June 2026",
    ]);
    expect(w.points[0]!.digestIds).toEqual(["2026-06-01", "2026-06-02"]);
  });

  it("falls back to digests when the days before the last week hold no digest", () => {
    // Five dated digests within one week, as a fresh install's seeds dated with --year would be.
    expect(windows(june(22, 23, 24, 25, 26))).toMatchObject({ unit: "digests", chosenByData: true });
    // Undated digests sort before dated ones and take no part in windows of days.
    const mixed = [...undated(4), ...june(20, 29)];
    expect(windows(mixed)).toMatchObject({ unit: "days", recent: { digestIds: ["2026-06-29"] } });
    expect(windows(mixed).baseline.digestIds).toEqual(["2026-06-20"]);
  });

  it("refuses windows of days when no digest is dated, and says what to do", () => {
    expect(chooseWindows(undated(4), { window: "days" })).toMatchObject({ kind: "invalid", param: "window" });
  });

  it("says so when a window of days asked for has nothing before it", () => {
    expect(chooseWindows(june(22, 23, 24, 25, 26), { window: "days" })).toMatchObject({
      kind: "empty",
      unit: "days",
      reason: "No digest is dated in the 28 days before the last 7 days: nothing to compare with.",
    });
  });

  it("keeps the chart to a few points by making the baseline's points longer", () => {
    expect(pointSize(1, 5)).toBe(1);
    expect(pointSize(7, 28)).toBe(7);
    expect(pointSize(1, 50)).toBe(5);
    expect(pointSize(3, 50)).toBe(6);
    const w = windows(undated(60), { window: "digests", recent: "2", baseline: "50" });
    expect(w.points.length - 1).toBeLessThanOrEqual(MAX_BASELINE_POINTS);
    expect(w.points.flatMap((p) => p.digestIds)).toEqual(
      undated(60)
        .slice(8)
        .map((d) => d.id),
    );
    // Whole points from the recent end; the oldest may be shorter.
    expect(w.points.at(-2)!.digestIds).toHaveLength(6);
    expect(w.points[0]!.digestIds).toHaveLength(50 % 6);
  });
});
