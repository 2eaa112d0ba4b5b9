import { z } from "zod";
import { single, wholeNumber } from "../api/params";

// `/trends` and `/api/trends`: which window of recent digests is compared with which before it.
// Without `window`, the data chooses (see chooseWindows); `recent` and `baseline` size the
// window that `window` names, in digests or in days.

export const TREND_UNITS = ["digests", "days"] as const;
export type TrendUnit = (typeof TREND_UNITS)[number];

/**
 * Sizes when only `window` is given, and the bounds of each (a view reads a few hundred rows per
 * digest of its windows, and the charts get no more than MAX_BASELINE_POINTS points).
 */
export const WINDOW_SIZES = {
  digests: { recent: 1, baseline: 5, maxRecent: 10, maxBaseline: 50 },
  days: { recent: 7, baseline: 28, maxRecent: 28, maxBaseline: 56 },
} as const satisfies Record<TrendUnit, { recent: number; baseline: number; maxRecent: number; maxBaseline: number }>;

export const trendsParamsSchema = z
  .object({
    window: single(z.enum(TREND_UNITS, { message: 'must be "digests" or "days"' })).describe(
      "what the windows count: the last digests, or the last days (needs dated digests); default: days when the digests are dated and the days before the last week have digests, else digests",
    ),
    recent: single(wholeNumber(1, WINDOW_SIZES.days.maxRecent)).describe(
      `size of the recent window, in the unit of window (needs window); default ${WINDOW_SIZES.digests.recent} digest or ${WINDOW_SIZES.days.recent} days; at most ${WINDOW_SIZES.digests.maxRecent} digests or ${WINDOW_SIZES.days.maxRecent} days`,
    ),
    baseline: single(wholeNumber(1, WINDOW_SIZES.days.maxBaseline)).describe(
      `size of the window before it, compared with it (needs window); default ${WINDOW_SIZES.digests.baseline} digests or ${WINDOW_SIZES.days.baseline} days; at most ${WINDOW_SIZES.digests.maxBaseline} digests or ${WINDOW_SIZES.days.maxBaseline} days`,
    ),
  })
  .strip()
  .superRefine((params, ctx) => {
    if (params.window === undefined) {
      for (const key of ["recent", "baseline"] as const) {
        if (params[key] !== undefined) {
          ctx.addIssue({ code: "custom", path: [key], message: 'needs window ("digests" or "days") to say what it counts' });
        }
      }
      return;
    }
    const sizes = WINDOW_SIZES[params.window];
    if (params.recent !== undefined && params.recent > sizes.maxRecent) {
      ctx.addIssue({ code: "custom", path: ["recent"], message: `must be at most ${sizes.maxRecent} ${params.window}` });
    }
    if (params.baseline !== undefined && params.baseline > sizes.maxBaseline) {
      ctx.addIssue({ code: "custom", path: ["baseline"], message: `must be at most ${sizes.maxBaseline} ${params.window}` });
    }
  });

export type TrendsParams = z.infer<typeof trendsParamsSchema>;

/** The URL of a trends view (only the parameters that are set, so that defaults stay short). */
export function trendsHref(params: TrendsParams, base = "/trends"): string {
  const query = new URLSearchParams();
  if (params.window) query.set("window", params.window);
  if (params.recent !== undefined) query.set("recent", String(params.recent));
  if (params.baseline !== undefined) query.set("baseline", String(params.baseline));
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}
