import * as z from "zod/mini";
import {
  LIBRARY_VERSION,
  MAX_ENTRIES_PER_LIST,
  MAX_LIST_NAME,
  MAX_LISTS,
  SLUG_PATTERN,
  tidyLibrary,
  type Library,
} from "./document";
import { MAX_NOT_INTERESTED } from "./seen";

// Validation of the stored and imported document (zod). Kept apart from document.ts because a
// validator is the largest part of the code: the save button loads it after the page is shown.

/** A paper's slug wherever one comes in (stored lists, share links, the details action): one definition. */
export const paperSlugSchema = z
  .string()
  .check(z.maxLength(200, "must be a paper slug"), z.regex(SLUG_PATTERN, "must be a paper slug"));
const timeSchema = z.string().check(z.iso.datetime({ offset: true }));

const entrySchema = z.object({ slug: paperSlugSchema, addedAt: timeSchema });

const listSchema = z.object({
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  name: z.string().check(z.minLength(1), z.maxLength(MAX_LIST_NAME)),
  createdAt: timeSchema,
  entries: z.array(entrySchema).check(z.maxLength(MAX_ENTRIES_PER_LIST)),
});

// §2's fields (seen.ts). The seen set and the visit are the browser's own bookkeeping: when
// broken (a hand-edited file) they are dropped rather than make the lists unreadable.
const seenTimesSchema = (key: z.ZodMiniType<string>) => z.record(key, z.number().check(z.int(), z.nonnegative()));
const seenSchema = z.object({
  papers: seenTimesSchema(paperSlugSchema),
  digests: seenTimesSchema(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/))),
});
const visitSchema = z.object({ start: timeSchema, last: timeSchema, previous: z.nullable(timeSchema) });
const notInterestedSchema = z.array(z.object({ slug: paperSlugSchema, at: timeSchema })).check(z.maxLength(MAX_NOT_INTERESTED));

export const libraryV1Schema = z.looseObject({
  version: z.literal(1),
  defaultListId: z.string(),
  lists: z.array(listSchema).check(z.maxLength(MAX_LISTS)),
  seen: z.catch(z.optional(seenSchema), undefined),
  visit: z.catch(z.optional(visitSchema), undefined),
  notInterested: z.optional(notInterestedSchema),
});

// The hand-written types of document.ts and this schema describe the same document.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type LibraryShapesAgree = Assert<Same<z.infer<typeof libraryV1Schema>, Library>>;

/** Steps from version n to n + 1, applied in turn to an older document before it is validated. */
const MIGRATIONS: Record<number, (document: Record<string, unknown>) => Record<string, unknown>> = {};

export type ParseResult =
  | { ok: true; library: Library; migratedFrom: number | null }
  | { ok: false; reason: "not-json" | "invalid" | "newer-version"; detail: string };

/** Reads a stored or imported document: JSON, any known version, validated, then tidied. */
export function parseLibrary(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: "not-json", detail: "it is not JSON" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, reason: "invalid", detail: "it is not a Paperdex lists document" };
  }
  let document = value as Record<string, unknown>;
  const version = document.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: "invalid", detail: "it has no format version" };
  }
  if (version > LIBRARY_VERSION) {
    return {
      ok: false,
      reason: "newer-version",
      detail: `it was written by a newer Paperdex (format ${version}; this one reads up to ${LIBRARY_VERSION})`,
    };
  }
  for (let v = version; v < LIBRARY_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, reason: "invalid", detail: `format ${version} cannot be read` };
    document = { ...step(document), version: v + 1 };
  }
  const parsed = libraryV1Schema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
    return { ok: false, reason: "invalid", detail: `it does not have the expected shape${where}` };
  }
  return { ok: true, library: tidyLibrary(parsed.data), migratedFrom: version < LIBRARY_VERSION ? version : null };
}
