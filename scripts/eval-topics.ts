// npm run eval:topics: tagging precision and recall on the hand-labelled seed papers,
// agreement with arXiv categories on HF Daily Papers, and tagging speed; then, for issue 13,
// precision and recall per population (seeds, Daily picks, other arXiv cs) and split.
import { loadTopicConfig } from "@/lib/topics/load";
import { evaluateAgreement, evaluateLabelled, measureThroughput } from "@/scripts/eval/topic-metrics";
import {
  labelledCorpusIds,
  loadCategorizedPapers,
  loadLabelledSeeds,
  loadPopulations,
  type PopulationPaper,
} from "@/scripts/eval/labelled-set";
import { readCorpus } from "@/scripts/lib/corpus-read";
import {
  ARXIV_DAILY_FILE,
  CORPUS_TRAIN_LABELS_FILE,
  corpusFile,
  HF_DAILY_PAPERS_FILE,
  sharedLabelsFile,
} from "@/scripts/lib/shared-corpus";
import { createTagger } from "@/lib/topics/tagger";
import { run } from "./lib/cli";

const BAR = { precision: 0.85, recall: 0.8, speed: 5_000 };
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

run(async () => {
  const verbose = process.argv.includes("--verbose");
  const categorizedFile = corpusFile(HF_DAILY_PAPERS_FILE, "npm run eval:topics (agreement with arXiv categories)");
  const arxivFile = corpusFile(ARXIV_DAILY_FILE, "npm run eval:topics (abstracts of the labelled corpus papers)");
  const corpusTrainFile = sharedLabelsFile(CORPUS_TRAIN_LABELS_FILE, "npm run eval:topics (labelled corpus papers)");
  const { rules } = await loadTopicConfig();
  const tagger = createTagger(rules);
  const tag = tagger.tag.bind(tagger);

  const labelled = loadLabelledSeeds();
  const result = evaluateLabelled(labelled, tag);
  console.log(`Hand-labelled seed papers (tests/topics/labels.json): ${result.papers}`);
  console.log(
    `  precision ${pct(result.precision)} (bar ${pct(BAR.precision)})   recall ${pct(result.recall)} (bar ${pct(BAR.recall)})`,
  );
  console.log(`  ${result.tp} right, ${result.fp} extra, ${result.fn} missed; papers without a topic: ${result.untagged.length}`);
  console.log("  per topic (right / extra / missed):");
  for (const [slug, c] of Object.entries(result.perTopic).sort())
    console.log(`    ${slug.padEnd(34)} ${c.tp} / ${c.fp} / ${c.fn}`);
  if (verbose) {
    for (const m of result.mistakes)
      console.log(`  ✗ ${m.title.slice(0, 70)}  extra: ${m.extra.join(", ") || "-"}  missed: ${m.missing.join(", ") || "-"}`);
  }

  const categorized = loadCategorizedPapers(categorizedFile);
  const agreement = evaluateAgreement(categorized, tag);
  console.log(`\nAgreement with arXiv categories (${HF_DAILY_PAPERS_FILE}, ${categorized.length} papers):`);
  for (const row of agreement.rows) {
    console.log(
      `  ${row.category.padEnd(8)} → ${row.topics.join(" | ").padEnd(70)} ${String(row.papers).padStart(5)} papers  ${pct(row.agreement)}`,
    );
  }
  console.log(`  overall ${pct(agreement.overall)} of ${agreement.pairs} paper–category pairs`);

  const speed = measureThroughput(categorized, tag);
  console.log(
    `\nSpeed: ${Math.round(speed).toLocaleString("en-US")} abstracts/s on one core (bar ${BAR.speed.toLocaleString("en-US")})`,
  );

  const ids = labelledCorpusIds(corpusTrainFile);
  const { records } = await readCorpus(ids.size, (r) => ids.has(r.id), arxivFile);
  const populations = loadPopulations(corpusTrainFile, new Map(records.map((r) => [r.id, r.abstract.replace(/\s+/g, " ")])));
  printPopulations(populations, tag);

  const pass =
    result.precision >= BAR.precision && result.recall >= BAR.recall && result.untagged.length === 0 && speed >= BAR.speed;
  console.log(pass ? "\nPASS: tagging meets the bar." : "\nFAIL: tagging is below the bar.");
  return pass ? 0 : 1;
});

/** Micro precision / recall per population and split (LABELLING.md's definitions). */
function printPopulations(papers: PopulationPaper[], tag: Parameters<typeof evaluateLabelled>[1]) {
  console.log("\nBy population and split (scripts/eval/labels; test papers were never tuned on):");
  console.log(
    `  ${"population".padEnd(10)} ${"split".padEnd(6)} ${"papers".padStart(6)}  ${"precision".padStart(9)}  ${"recall".padStart(6)}`,
  );
  for (const population of ["seeds", "hf-daily", "arxiv-cs"] as const) {
    for (const split of ["train", "dev", "test"] as const) {
      const selected = papers.filter((p) => p.population === population && p.split === split);
      if (selected.length === 0) continue;
      const r = evaluateLabelled(selected, tag);
      console.log(
        `  ${population.padEnd(10)} ${split.padEnd(6)} ${String(r.papers).padStart(6)}  ${pct(r.precision).padStart(9)}  ${pct(r.recall).padStart(6)}`,
      );
    }
  }
}
