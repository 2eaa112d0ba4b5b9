import { z } from "zod";
import { SORTS, type SortParam } from "./settings";
import type { FacetSelection } from "./filters";

export type RawParams = Record<string, string | string[] | undefined>;

/** URLSearchParams or Next's searchParams object → one record where repeated keys are arrays. */
export function toRawParams(input: URLSearchParams | RawParams): RawParams {
  if (!(input instanceof URLSearchParams)) return input;
  const raw: RawParams = {};
  for (const key of new Set(input.keys())) {
    const values = input.getAll(key);
    raw[key] = values.length === 1 ? values[0] : values;
  }
  return raw;
}

const single = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => {
      const one = Array.isArray(value) && value.length === 1 ? value[0] : value;
      return one === "" ? undefined : one; // an empty form field means "not set"
    },
    z.custom<unknown>((value) => !Array.isArray(value), { message: "expected one value, got several" }).pipe(schema.optional()),
  );

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ message: "must be a whole number" })
    .int({ message: "must be a whole number" })
    .min(min, { message: `must be at least ${min}` })
    .max(max, { message: `must be at most ${max}` });

const many = (item: z.ZodString, max: number) =>
  z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter((v) => v !== ""),
    z.array(item).max(max, { message: `at most ${max} values` }),
  );

const slugValue = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "must be a topic slug such as large-language-models" });
const digestValue = z
  .string()
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, { message: "must be a digest id (letters, digits, _ and -)" });

export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;

export const searchParamsSchema = z
  .object({
    q: single(z.string().max(500, { message: "at most 500 characters" })).transform((q) => (q ?? "").trim()),
    topic: many(slugValue, 25),
    digest: many(digestValue, 100),
    hasCode: single(z.enum(["true", "false"], { message: 'must be "true" or "false"' })).transform((v) =>
      v === undefined ? undefined : v === "true",
    ),
    sort: single(
      z.enum(Object.keys(SORTS) as [SortParam, ...SortParam[]], {
        message: `must be one of ${Object.keys(SORTS).join(", ")}`,
      }),
    ).transform(
      (v): SortParam => v ?? "relevance",
    ),
    page: single(wholeNumber(1, 500)).transform((v) => v ?? 1),
    perPage: single(wholeNumber(1, MAX_PER_PAGE)).transform((v) => v ?? DEFAULT_PER_PAGE),
  })
  .strip();

export type SearchParams = z.infer<typeof searchParamsSchema>;

export function selectionOf(params: SearchParams): FacetSelection {
  return { topic: params.topic, digest: params.digest, hasCode: params.hasCode };
}

export const pageParamsSchema = z
  .object({
    page: single(wholeNumber(1, 100_000)).transform((v) => v ?? 1),
    perPage: single(wholeNumber(1, MAX_PER_PAGE)).transform((v) => v ?? DEFAULT_PER_PAGE),
  })
  .strip();

/** The first validation issue as "param: message", for 400 responses and page notices. */
export function describeIssue(error: z.ZodError): { param: string; message: string } {
  const issue = error.issues[0];
  const param = String(issue?.path[0] ?? "query");
  return { param, message: issue?.message ?? "invalid value" };
}
