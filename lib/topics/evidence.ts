import { z } from "zod";

/** Why a paper carries a topic: a phrase found in its title or abstract, and what it was worth. */
export const evidenceSchema = z.object({
  phrase: z.string(),
  field: z.enum(["title", "abstract"]),
  weight: z.number(),
});

export type Evidence = z.infer<typeof evidenceSchema>;

const evidenceListSchema = z.array(evidenceSchema);

/**
 * Stored evidence (a JSON column) back into its type. A row that does not parse — hand-edited,
 * or written by an older version — shows no evidence rather than breaking the page.
 */
export function parseStoredEvidence(json: string): Evidence[] {
  try {
    const parsed = evidenceListSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
