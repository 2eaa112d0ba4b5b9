import { createReadStream } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import type { CorpusRecord } from "./corpus-render";

export const CORPUS_FILE = path.resolve("../shared/corpus/arxiv-cs-daily-2025-2026.jsonl.gz");

/**
 * The first `limit` records of the corpus whose title and abstract can stand in a digest
 * (the digest format needs a title that reads as a heading and an abstract that reads as
 * prose; a few arXiv records have neither, and they are skipped and counted).
 */
export async function readCorpus(
  limit: number,
  accept: (record: CorpusRecord) => boolean = () => true,
  file = CORPUS_FILE,
): Promise<{ records: CorpusRecord[]; skipped: number }> {
  const records: CorpusRecord[] = [];
  let skipped = 0;
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const { id, title, abstract, date } = JSON.parse(line) as CorpusRecord;
    const record = { id, title, abstract, date };
    if (accept(record)) records.push(record);
    else skipped++;
    if (records.length >= limit) {
      lines.close();
      break;
    }
  }
  return { records, skipped };
}
