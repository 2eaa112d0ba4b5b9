import { z } from "zod";
import { single } from "../api/params";
import { cleanListName, DEFAULT_LIST_NAME, MAX_LIST_NAME } from "./document";
import { paperSlugSchema } from "./schema";
import { MAX_SHARED_PAPERS, TOO_MANY_PAPERS } from "./share-link";

/** `/list` and `/list/export.*`: a list's name and its papers in order (each once). */
export const shareParamsSchema = z
  .object({
    name: single(z.string().max(MAX_LIST_NAME, { message: `at most ${MAX_LIST_NAME} characters` }))
      .transform((name) => cleanListName(name ?? "") || DEFAULT_LIST_NAME)
      .describe("the list's name"),
    paper: z
      .preprocess(
        (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : [v]).filter((s) => s !== ""),
        z.array(paperSlugSchema).max(MAX_SHARED_PAPERS, { message: TOO_MANY_PAPERS }),
      )
      .transform((slugs) => [...new Set(slugs)])
      .describe(`a paper's slug, in list order; repeat for up to ${MAX_SHARED_PAPERS} papers`),
  })
  .strip();

export type ShareParams = z.infer<typeof shareParamsSchema>;
