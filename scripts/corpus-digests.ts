// npm run corpus:digests -- --limit N [--out DIR]: renders N real arXiv records from
// ../shared/corpus as digest files in the seed layout, one file per listing day.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseDigest, readsAsHeading, readsAsProse } from "@/lib/digest";
import { readCorpus } from "@/scripts/lib/corpus-read";
import { byDay, dayLabel, renderDigest } from "@/scripts/lib/corpus-render";
import { fail, run } from "./lib/cli";

run(async () => {
  const { values } = parseArgs({
    options: { limit: { type: "string", default: "10000" }, out: { type: "string", default: "tmp/corpus-digests" } },
  });
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) fail(`--limit must be a positive whole number, not "${values.limit}"`, 2);
  const out = path.resolve(values.out);
  const { records, skipped } = await readCorpus(
    limit,
    (r) =>
      readsAsHeading(r.title.replace(/\s+/g, " ")) && !readsAsProse(r.title) && readsAsProse(r.abstract.replace(/\s+/g, " ")),
  );
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  let files = 0;
  for (const [date, day] of byDay(records)) {
    const text = renderDigest(dayLabel(date), day);
    const parsed = parseDigest(text);
    if (parsed.problems.length) fail(`rendering ${date} gave a digest with problems: ${parsed.problems[0]!.message}`);
    writeFileSync(path.join(out, `${date}.txt`), text);
    files++;
  }
  console.log(
    `Wrote ${records.length} papers in ${files} digest files to ${out} (${skipped} records skipped: title or abstract not in digest form).`,
  );
});
