import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

export const IDF_FILE = path.resolve("seeds/term-idf.json");

// The IDF of single terms (npm run vectors:idf): search uses it to judge which query word is
// rarest; the text vectors carry their own weights (term-vectors.ts).

export interface IdfTable {
  /** IDF of terms seen in at least minDf documents of the training corpus. */
  idf: Record<string, number>;
  /** IDF given to terms the table does not know: rare, so informative. */
  unknownIdf: number;
}

const idfFileSchema = z.object({
  documents: z.number().int().positive(),
  minDf: z.number().int().positive(),
  idf: z.record(z.string(), z.number().positive()),
});

let cached: IdfTable | undefined;

/** The IDF table trained by `npm run vectors:idf` (seeds/term-idf.json), read once. */
export function idfTable(file = IDF_FILE): IdfTable {
  if (cached && file === IDF_FILE) return cached;
  // Read at run time from the project folder; the comment keeps the bundler from tracing it.
  const parsed = idfFileSchema.parse(JSON.parse(readFileSync(/*turbopackIgnore: true*/ file, "utf8")));
  const table = { idf: parsed.idf, unknownIdf: Math.log((parsed.documents + 1) / parsed.minDf) };
  if (file === IDF_FILE) cached = table;
  return table;
}
