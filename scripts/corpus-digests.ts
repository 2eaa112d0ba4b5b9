// npm run corpus:digests -- --limit N [--out DIR]: renders N real arXiv records from
// ../shared/corpus (or PAPERDEX_CORPUS_DIR) as digest files in the seed layout, one file per
// listing day.
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { fitsDigest, readCorpus } from "@/scripts/lib/corpus-read";
import { ARXIV_DAILY_FILE, corpusFile } from "@/scripts/lib/shared-corpus";
import { writeCorpusDigests } from "@/scripts/lib/corpus-render";
import { fail, run } from "./lib/cli";

run(async () => {
  const { values } = parseArgs({
    options: { limit: { type: "string", default: "10000" }, out: { type: "string", default: "tmp/corpus-digests" } },
  });
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) fail(`--limit must be a positive whole number, not "${values.limit}"`, 2);
  const out = path.resolve(values.out);
  const { records, skipped } = await readCorpus(limit, fitsDigest, corpusFile(ARXIV_DAILY_FILE, "npm run corpus:digests"));
  rmSync(out, { recursive: true, force: true });
  const files = writeCorpusDigests(records, out).length;
  console.log(
    `Wrote ${records.length} papers in ${files} digest files to ${out} (${skipped} records skipped: title or abstract not in digest form).`,
  );
});
