import { z } from "zod";

const slug = z
  .string()
  .max(200)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "must be a paper slug" });

/** `/similar` and `/api/similar`: up to five papers and/or a pasted abstract. */
export const similarParamsSchema = z
  .object({
    paper: z
      .preprocess(
        (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : [v]),
        z.array(slug).max(5, { message: "pick at most 5 papers" }),
      )
      .describe("a paper's slug; repeat for up to 5 papers"),
    text: z
      .preprocess(
        (v) => (Array.isArray(v) ? v.join("\n") : v),
        z.string().max(8_000, { message: "at most 8,000 characters" }).optional(),
      )
      .transform((t) => (t ?? "").trim())
      .describe("a text to find papers near, such as an abstract"),
  })
  .strip();

export type SimilarParams = z.infer<typeof similarParamsSchema>;
