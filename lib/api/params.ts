import { z } from "zod";

// Building blocks of every query-string schema (pages and API routes alike): repeated keys,
// empty form fields, whole numbers with bounds, and the first issue as a message.

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

/**
 * One optional value; an empty form field means "not set", a repeated key is an error. The
 * check runs in the preprocessing step so that the schema's input JSON Schema is `schema`'s own
 * (the OpenAPI document, lib/api/openapi.ts, is generated from it).
 */
export const single = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value: unknown, ctx) => {
    const one: unknown = Array.isArray(value) && value.length === 1 ? (value as unknown[])[0] : value;
    if (Array.isArray(one)) {
      ctx.addIssue({ code: "custom", message: "expected one value, got several", input: value });
      return z.NEVER;
    }
    return one === "" ? undefined : one;
  }, schema.optional());

export const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ message: "must be a whole number" })
    .int({ message: "must be a whole number" })
    .min(min, { message: `must be at least ${min}` })
    .max(max, { message: `must be at most ${max}` });

/** A repeatable parameter as an array (empty values dropped), at most `max` of them. */
export const many = (item: z.ZodString, max: number) =>
  z.preprocess(
    (value: unknown) =>
      (value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value]).filter((v) => v !== ""),
    z.array(item).max(max, { message: `at most ${max} values` }),
  );

export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;

export const pageParamsSchema = z
  .object({
    page: single(wholeNumber(1, 100_000))
      .transform((v) => v ?? 1)
      .describe("page number; default 1"),
    perPage: single(wholeNumber(1, MAX_PER_PAGE))
      .transform((v) => v ?? DEFAULT_PER_PAGE)
      .describe(`items per page; default ${DEFAULT_PER_PAGE}`),
  })
  .strip();

/** The first validation issue as "param: message", for 400 responses and page notices. */
export function describeIssue(error: z.ZodError): { param: string; message: string } {
  const issue = error.issues[0];
  const param = String(issue?.path[0] ?? "query");
  return { param, message: issue?.message ?? "invalid value" };
}
