// npm run vectors:train [-- --dims N --max-terms N]: trains the term vectors of related papers
// and "more like these" (seeds/term-vectors.bin.gz): latent semantic analysis of the arXiv
// corpus in ../shared/corpus (or PAPERDEX_CORPUS_DIR) plus the seeds, with a topic metric
// learned from the train split of the hand-labelled papers (scripts/eval/labels, ../shared/labels).
// Deterministic: the same data gives the same file.
import { statSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { encodeTermVectors, TERM_VECTORS_FILE } from "@/lib/embeddings/term-vectors";
import { labelledCorpusIds, loadPopulations } from "@/scripts/eval/labelled-set";
import { ARXIV_DAILY_FILE, CORPUS_TRAIN_LABELS_FILE, corpusFile, sharedLabelsFile } from "@/scripts/lib/shared-corpus";
import { embedWithRows, METRIC_DEFAULTS, topicMetric, transformRows } from "@/scripts/vectors/metric";
import { corpusPapers, distinctPapers, seedPapers } from "@/scripts/vectors/papers";
import { TABLE_DEFAULTS, termTable } from "@/scripts/vectors/table";
import { TRAIN_DEFAULTS, trainTermVectors } from "@/scripts/vectors/train";
import { formatMs, run } from "./lib/cli";

run(async () => {
  const { values } = parseArgs({ options: { dims: { type: "string" }, "max-terms": { type: "string" } } });
  const dims = Number(values.dims ?? TABLE_DEFAULTS.dims);
  const maxTerms = Number(values["max-terms"] ?? TABLE_DEFAULTS.maxTerms);
  if (!Number.isInteger(dims) || dims < 2 || !Number.isInteger(maxTerms) || maxTerms < 1)
    throw new Error("--dims and --max-terms take positive whole numbers");
  const corpus = corpusFile(ARXIV_DAILY_FILE, "npm run vectors:train");
  const labelsFile = sharedLabelsFile(CORPUS_TRAIN_LABELS_FILE, "npm run vectors:train");
  const started = performance.now();
  const log = (message: string) => console.log(`${message} (${formatMs(performance.now() - started)})`);

  const records = await corpusPapers(corpus);
  const papers = distinctPapers([...seedPapers(), ...records]);
  log(`Training on ${papers.length.toLocaleString("en-US")} papers (${ARXIV_DAILY_FILE} and the seeds)`);
  const trained = trainTermVectors(papers, { ...TRAIN_DEFAULTS, dims, log });
  const table = termTable(trained, { ...TABLE_DEFAULTS, dims, maxTerms });

  // The topic metric, from the train split of the labelled papers only.
  const ids = labelledCorpusIds(labelsFile);
  const abstracts = new Map(records.filter((r) => ids.has(r.id)).map((r) => [r.id, r.abstract]));
  const labelled = loadPopulations(labelsFile, abstracts).filter((p) => p.split === "train");
  const index = new Map(table.terms.map((t, i) => [t, i]));
  const examples = labelled
    .map((p) => ({ p, v: embedWithRows(p.title, p.abstract, index, table.rows, dims) }))
    .filter((e): e is { p: (typeof labelled)[number]; v: Float64Array } => e.v !== null);
  const { transform, topics } = topicMetric(
    examples.map((e) => e.v),
    examples.map((e) => ({ must: e.p.must, ok: e.p.may })),
    METRIC_DEFAULTS,
  );
  log(`Topic metric from ${examples.length} labelled papers of the train split, ${topics.length} topics`);

  const file = encodeTermVectors(table.terms, transformRows(table.rows, dims, transform), dims, {
    corpus: `${ARXIV_DAILY_FILE} + seeds`,
    papers: papers.length,
    vocabulary: trained.terms.length,
    minDf: TRAIN_DEFAULTS.minDf,
    oversample: TRAIN_DEFAULTS.oversample,
    powerIterations: TRAIN_DEFAULTS.powerIterations,
    seed: TRAIN_DEFAULTS.seed,
    sigmaPower: TABLE_DEFAULTS.sigmaPower,
    labelledPapers: examples.length,
    ...METRIC_DEFAULTS,
  });
  writeFileSync(TERM_VECTORS_FILE, file);
  const mb = statSync(TERM_VECTORS_FILE).size / 1e6;
  log(
    `Wrote ${TERM_VECTORS_FILE}: ${table.terms.length.toLocaleString("en-US")} terms × ${dims} dimensions, ${mb.toFixed(1)} MB`,
  );
});
