import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import type { CorpusRecord } from "./corpus-render";
import { readsAsHeading, readsAsProse } from "../../lib/digest";

/**
 * Whether a record can stand in a digest: the format needs a title that reads as a heading and
 * an abstract that reads as prose, and a few arXiv records have neither.
 */
export function fitsDigest(record: CorpusRecord): boolean {
  const title = record.title.replace(/\s+/g, " ");
  return readsAsHeading(title) && !readsAsProse(record.title) && readsAsProse(record.abstract.replace(/\s+/g, " "));
}

/**
 * The first `limit` records of a corpus file (JSON lines, gzip: the shared arXiv corpus, or the
 * tests' fixture) that `accept` takes; the others are skipped and counted.
 */
export async function readCorpus(
  limit: number,
  accept: (record: CorpusRecord) => boolean,
  file: string,
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
