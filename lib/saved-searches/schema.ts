import * as z from "zod/mini";
import {
  MAX_QUERY_LENGTH,
  MAX_SAVED_SEARCHES,
  MAX_SEARCH_NAME,
  SAVED_SEARCHES_VERSION,
  tidySavedSearches,
  type SavedSearches,
} from "./document";

// Validation of the stored and imported document (zod/mini). Kept apart from document.ts: the
// search page's Save control and /saved load it after the page is shown, never with it.

const timeSchema = z.string().check(z.iso.datetime({ offset: true }));

const savedSearchSchema = z.object({
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  name: z.string().check(z.minLength(1), z.maxLength(MAX_SEARCH_NAME)),
  // A query string as /search writes it: no "?", no fragment, no spaces.
  query: z.string().check(z.maxLength(MAX_QUERY_LENGTH), z.regex(/^[^?#\s]*$/)),
  createdAt: timeSchema,
  lastOpenedAt: timeSchema,
});

export const savedSearchesV1Schema = z.looseObject({
  version: z.literal(1),
  searches: z.array(savedSearchSchema).check(z.maxLength(MAX_SAVED_SEARCHES)),
});

// The hand-written types of document.ts and this schema describe the same document.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type SavedSearchShapesAgree = Assert<Same<z.infer<typeof savedSearchesV1Schema>, SavedSearches>>;

/** Steps from version n to n + 1, applied in turn to an older document before it is validated. */
const MIGRATIONS: Record<number, (document: Record<string, unknown>) => Record<string, unknown>> = {};

export type ParseResult =
  { ok: true; document: SavedSearches } | { ok: false; reason: "not-json" | "invalid" | "newer-version"; detail: string };

/** Reads a stored or imported document: JSON, any known version, validated, then tidied. */
export function parseSavedSearches(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: "not-json", detail: "it is not JSON" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, reason: "invalid", detail: "it is not a Paperdex saved-searches document" };
  }
  let document = value as Record<string, unknown>;
  const version = document.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: "invalid", detail: "it has no format version" };
  }
  if (version > SAVED_SEARCHES_VERSION) {
    return {
      ok: false,
      reason: "newer-version",
      detail: `it was written by a newer Paperdex (format ${version}; this one reads up to ${SAVED_SEARCHES_VERSION})`,
    };
  }
  for (let v = version; v < SAVED_SEARCHES_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, reason: "invalid", detail: `format ${version} cannot be read` };
    document = { ...step(document), version: v + 1 };
  }
  const parsed = savedSearchesV1Schema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
    return { ok: false, reason: "invalid", detail: `it does not have the expected shape${where}` };
  }
  return { ok: true, document: tidySavedSearches(parsed.data) };
}
