import { z } from "zod";

export const correctionInputSchema = z
  .object({
    action: z
      .enum(["add", "remove", "undo"], { message: 'must be "add", "remove" or "undo"' })
      .describe("add the topic, remove it, or undo an earlier correction of it"),
    topic: z
      .string()
      .max(100)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "must be a topic slug" })
      .describe("the topic's slug"),
  })
  .meta({ title: "TopicCorrection" });

export type CorrectionInput = z.infer<typeof correctionInputSchema>;
