import { z } from "zod";
import { single } from "../api/params";
import { cleanListName, DEFAULT_LIST_NAME, MAX_LIST_NAME, SLUG_PATTERN } from "./document";

/** A share link (and an export of a list) carries at most this many papers. */
export const MAX_SHARED_PAPERS = 200;
export const TOO_MANY_PAPERS = `a list link holds at most ${MAX_SHARED_PAPERS} papers`;

const slugSchema = z
  .string()
  .max(200, { message: "must be a paper slug" })
  .regex(SLUG_PATTERN, { message: "must be a paper slug" });

/** `/list` and `/list/export.*`: a list's name and its papers in order (each once). */
export const shareParamsSchema = z
  .object({
    name: single(z.string().max(MAX_LIST_NAME, { message: `at most ${MAX_LIST_NAME} characters` }))
      .transform((name) => cleanListName(name ?? "") || DEFAULT_LIST_NAME)
      .describe("the list's name"),
    paper: z
      .preprocess(
        (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : [v]).filter((s) => s !== ""),
        z.array(slugSchema).max(MAX_SHARED_PAPERS, { message: TOO_MANY_PAPERS }),
      )
      .transform((slugs) => [...new Set(slugs)])
      .describe(`a paper's slug, in list order; repeat for up to ${MAX_SHARED_PAPERS} papers`),
  })
  .strip();

export type ShareParams = z.infer<typeof shareParamsSchema>;

/** The share link of a list, relative to the site. */
export function shareHref(name: string, slugs: string[], path = "/list"): string {
  const params = new URLSearchParams({ name });
  for (const slug of slugs) params.append("paper", slug);
  return `${path}?${params.toString()}`;
}

/** The proxy's check, before any rendering: more `paper` values than a link may hold. */
export function tooManyPapers(params: URLSearchParams): boolean {
  return params.getAll("paper").filter((s) => s !== "").length > MAX_SHARED_PAPERS;
}
