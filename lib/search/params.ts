import { z } from "zod";
import { DEFAULT_PER_PAGE, MAX_PER_PAGE, many, single, wholeNumber } from "../api/params";
import { SORTS, type SortParam } from "./settings";
import type { FacetSelection } from "./filters";

const slugValue = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "must be a topic slug such as large-language-models" });
const digestValue = z
  .string()
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, { message: "must be a digest id (letters, digits, _ and -)" });

/**
 * A point in time for `since`: a date (midnight UTC) or a date-time with its time zone. A
 * date-time without one is refused: the server's zone would decide what it means.
 */
export const sinceValue = z.string().pipe(
  z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
    message: "must be an ISO 8601 date such as 2026-11-23, or a date-time with a time zone such as 2026-11-23T08:00:00Z",
  }),
);

/** The last page a search may ask for. */
export const MAX_PAGE = 500;

export const searchParamsSchema = z
  .object({
    q: single(z.string().max(500, { message: "at most 500 characters" }))
      .transform((q) => (q ?? "").trim())
      .describe("search text; typos are tolerated, see Query syntax in the README (empty: every paper)"),
    topic: many(slugValue, 25).describe("topic slug; repeat for several (a paper with any of them)"),
    digest: many(digestValue, 100).describe("digest id; repeat for several (a paper in any of them)"),
    hasCode: single(z.enum(["true", "false"], { message: 'must be "true" or "false"' }))
      .transform((v) => (v === undefined ? undefined : v === "true"))
      .describe("only papers with (true) or without (false) a code link"),
    since: single(sinceValue).describe(
      "only papers first stored (by an ingest) at or after this date (midnight UTC) or date-time, e.g. 2026-11-23 or 2026-11-23T08:00:00Z",
    ),
    sort: single(
      z.enum(Object.keys(SORTS) as [SortParam, ...SortParam[]], {
        message: `must be one of ${Object.keys(SORTS).join(", ")}`,
      }),
    )
      .transform((v): SortParam => v ?? "relevance")
      .describe("order of the results; default relevance (newest first when q is empty)"),
    page: single(wholeNumber(1, MAX_PAGE))
      .transform((v) => v ?? 1)
      .describe("page number; default 1"),
    perPage: single(wholeNumber(1, MAX_PER_PAGE))
      .transform((v) => v ?? DEFAULT_PER_PAGE)
      .describe(`results per page; default ${DEFAULT_PER_PAGE}`),
  })
  .strip();

export type SearchParams = z.infer<typeof searchParamsSchema>;

export function selectionOf(params: SearchParams): FacetSelection {
  return {
    topic: params.topic,
    digest: params.digest,
    hasCode: params.hasCode,
    ...(params.since === undefined ? {} : { since: sinceTime(params.since) }),
  };
}

/** A valid `since` value as ms since 1970 (a bare date is midnight UTC, as Date.parse reads it). */
export function sinceTime(since: string): number {
  return Date.parse(since);
}
