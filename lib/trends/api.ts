import { z } from "zod";
import { defineRoute } from "../api/route-spec";
import { apiErrorSchema, invalidParameterSchema, type InvalidParameter } from "../api/schemas";
import type { TrendsResult } from "./load";
import { TREND_UNITS, trendsParamsSchema } from "./params";

// GET /api/trends for the OpenAPI document (listed in lib/api/routes.ts): what it reads and
// answers, as the zod schemas the route parses and types its body with, and the mapping from
// the loader's result to the answer.

const count = z.number().int().nonnegative();

const shareSchema = z.object({
  papers: count,
  share: z.number().min(0).max(1).nullable().describe("the papers' share of the window's papers (0–1); null when it has none"),
});

const periodSchema = z.object({
  name: z.string().describe('how sentences name it: "the last digest", "the previous 28 days"'),
  span: z.string().describe("its dates, or its first and last digest"),
  digests: z.array(z.string()).describe("ids of its digests, oldest first"),
  papers: count.describe("papers listed in it, each counted once"),
});

const topicTrendSchema = z.object({
  slug: z.string(),
  name: z.string(),
  recent: shareSchema,
  baseline: shareSchema,
  change: z.number().describe("recent share minus baseline share"),
  points: z.array(shareSchema).describe("the topic at each point of `points`, oldest first"),
  explanation: z.string().describe('"12 papers (4.0%) in the last digest vs 30 (2.1%) in the previous 5 digests"'),
});

const phraseTrendSchema = z.object({
  phrase: z.string().describe("a key phrase: several words, or an acronym (lower case)"),
  recent: shareSchema,
  baseline: shareSchema,
  search: z.string().describe('the search for the phrase: /search?q="…"'),
  explanation: z.string().describe('"12 papers in the last digest vs 3 in the previous 5 digests"'),
});

export const trendsResponseSchema = z
  .object({
    unit: z.enum(TREND_UNITS).describe("what the windows count"),
    reason: z.string().nullable().describe("why there is nothing to compare (then `window` is null and the lists are empty)"),
    window: z
      .object({
        recentSize: count.describe("size of the recent window, in the unit"),
        baselineSize: count.describe(
          "size of the baseline window, in the unit (it may hold fewer digests when there are no more)",
        ),
        pointSize: count.describe("size of each baseline point of the charts, in the unit"),
        chosenByData: z.boolean().describe("true when the request named no window and the data chose it"),
        recent: periodSchema,
        baseline: periodSchema,
        points: z
          .array(periodSchema)
          .describe("the charts' periods, oldest first: the baseline in pieces, then the recent window"),
      })
      .nullable(),
    topics: z.object({
      rising: z.array(topicTrendSchema).describe("topics whose share grew, most first"),
      falling: z.array(topicTrendSchema).describe("topics whose share shrank, most first"),
    }),
    phrases: z.object({
      rising: z.array(phraseTrendSchema).describe("key phrases that rose most above their baseline share"),
      firstTime: z.array(phraseTrendSchema).describe("key phrases in no paper listed before the recent window"),
    }),
    papersWithoutPhrases: count.describe("papers stored before key phrases existed; the next ingest makes theirs"),
  })
  .meta({ title: "Trends" });

export type TrendsResponse = z.infer<typeof trendsResponseSchema>;

/** The API's answer for a loaded trends view (not for an invalid request). */
export function toTrendsResponse(result: Exclude<TrendsResult, { kind: "invalid" }>): TrendsResponse {
  if (result.kind === "empty") {
    return {
      unit: result.unit,
      reason: result.reason,
      window: null,
      topics: { rising: [], falling: [] },
      phrases: { rising: [], firstTime: [] },
      papersWithoutPhrases: 0,
    };
  }
  const t = result.trends;
  const period = (p: (typeof t)["recent"]) => ({ name: p.name, span: p.span, digests: p.digestIds, papers: p.papers });
  const share = (s: { papers: number; share: number | null }) => ({
    papers: s.papers,
    share: s.share === null ? null : Math.round(s.share * 10_000) / 10_000,
  });
  const topic = (x: (typeof t.topics.rising)[number]) => ({
    ...x,
    recent: share(x.recent),
    baseline: share(x.baseline),
    change: Math.round(x.change * 10_000) / 10_000,
    points: x.points.map(share),
  });
  const phrase = (x: (typeof t.phrases.rising)[number]) => ({ ...x, recent: share(x.recent), baseline: share(x.baseline) });
  return {
    unit: t.unit,
    reason: null,
    window: {
      recentSize: t.recentSize,
      baselineSize: t.baselineSize,
      pointSize: t.pointSize,
      chosenByData: t.chosenByData,
      recent: period(t.recent),
      baseline: period(t.baseline),
      points: t.points.map(period),
    },
    topics: { rising: t.topics.rising.map(topic), falling: t.topics.falling.map(topic) },
    phrases: { rising: t.phrases.rising.map(phrase), firstTime: t.phrases.firstTime.map(phrase) },
    papersWithoutPhrases: t.papersWithoutPhrases,
  };
}

/** The 400 answer for parameters these digests cannot serve (days, when no digest is dated). */
export function refusedWindow(result: Extract<TrendsResult, { kind: "invalid" }>): InvalidParameter {
  return { error: `invalid parameter "${result.param}": ${result.message}`, param: result.param };
}

export const trendsRoute = defineRoute({
  method: "get",
  path: "/api/trends",
  operationId: "getTrends",
  summary: "Topics and key phrases that rose or fell in the latest digests, against the ones before",
  description:
    "Read afresh from the database on every request. Without `window` the data chooses: the last 7 days against the 28 before when the digests are dated and those days hold a digest, else the last digest against the 5 before it. A paper listed in several digests of a window counts once.",
  tags: ["topics"],
  query: trendsParamsSchema,
  responses: {
    200: {
      description:
        "The windows, the topics that rose and fell, and the phrases that rose or are new; `reason` when there is nothing to compare.",
      schema: trendsResponseSchema,
    },
    400: {
      description:
        "A parameter was refused (`param` names it), also `recent` or `baseline` without `window`, and `window=days` when no digest is dated.",
      schema: invalidParameterSchema,
    },
    500: { description: "Something failed on the server; the details go to its log.", schema: apiErrorSchema },
  },
});
