// npm run vectors:idf: trains the IDF table of the text vectors (seeds/term-idf.json) from the
// arXiv corpus in ../shared/corpus (or PAPERDEX_CORPUS_DIR), leaving out the HF Daily Papers
// used for evaluation.
import { createReadStream, readFileSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { terms } from "@/lib/embeddings/terms";
import { IDF_FILE } from "@/lib/embeddings/idf-table";
import { ARXIV_DAILY_FILE, corpusFile, HF_DAILY_PAPERS_FILE } from "./lib/shared-corpus";
import { run } from "./lib/cli";

const MIN_DF = 3;

run(async () => {
  const corpus = corpusFile(ARXIV_DAILY_FILE, "npm run vectors:idf");
  const heldOutFile = corpusFile(HF_DAILY_PAPERS_FILE, "npm run vectors:idf");
  const heldOut = new Set(
    readFileSync(heldOutFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { id: string }).id),
  );
  const df = new Map<string, number>();
  let documents = 0;
  const lines = createInterface({ input: createReadStream(corpus).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const record = JSON.parse(line) as { id: string; title: string; abstract: string };
    if (heldOut.has(record.id)) continue;
    documents++;
    for (const term of new Set(terms(`${record.title} ${record.abstract}`))) df.set(term, (df.get(term) ?? 0) + 1);
    if (documents % 10_000 === 0) console.log(`  ${documents} documents`);
  }
  const idf: Record<string, number> = {};
  for (const [term, n] of [...df].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (n >= MIN_DF) idf[term] = Math.round(Math.log((documents + 1) / n) * 100) / 100;
  }
  writeFileSync(
    IDF_FILE,
    `${JSON.stringify({ documents, minDf: MIN_DF, source: "arxiv-cs-daily-2025-2026 minus hf-daily-papers", idf })}\n`,
  );
  console.log(`Wrote ${IDF_FILE}: ${Object.keys(idf).length} terms from ${documents} documents.`);
});
