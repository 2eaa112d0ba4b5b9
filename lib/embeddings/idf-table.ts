import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { IdfTable } from "./vectors";

export const IDF_FILE = path.resolve("seeds/term-idf.json");

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
