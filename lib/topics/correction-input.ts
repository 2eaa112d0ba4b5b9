import { z } from "zod";

export const correctionInputSchema = z.object({
  action: z.enum(["add", "remove", "undo"], { message: 'must be "add", "remove" or "undo"' }),
  topic: z
    .string()
    .max(100)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "must be a topic slug" }),
});

export type CorrectionInput = z.infer<typeof correctionInputSchema>;
