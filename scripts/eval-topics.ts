// npm run eval:topics: precision and recall of the topic model (seeds/topic-model.json) per
// population (seeds, Daily picks, other arXiv cs) and split, next to the phrase rules it
// replaced; its cross-validated figures on the train split; agreement with arXiv categories on
// HF Daily Papers; and tagging speed. `-- --dev` leaves out the test split (for choosing options).
import { createTopicTagger, loadTopicConfig } from "@/lib/topics/load";
import { createTagger } from "@/lib/topics/tagger";
import { evaluateAgreement, evaluateLabelled, measureThroughput, type TagFn } from "@/scripts/eval/topic-metrics";
import { loadCategorizedPapers, type PopulationPaper } from "@/scripts/eval/labelled-set";
import { corpusFile, HF_DAILY_PAPERS_FILE } from "@/scripts/lib/shared-corpus";
import { readLabelledPopulations } from "@/scripts/topics/data";
import { run } from "./lib/cli";

// Issue 13: on the test split, in every population.
const BAR = { precision: 0.92, recall: 0.88, speed: 5_000 };
const POPULATIONS = ["seeds", "hf-daily", "arxiv-cs"] as const;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

run(async () => {
  const verbose = process.argv.includes("--verbose");
  const devOnly = process.argv.includes("--dev");
  const categorizedFile = corpusFile(HF_DAILY_PAPERS_FILE, "npm run eval:topics (agreement with arXiv categories)");
  const papers = await readLabelledPopulations("npm run eval:topics");
  const config = await loadTopicConfig();
  const model = createTopicTagger(config);
  const rules = createTagger(config.rules);
  const tag: TagFn = (title, abstract) => model.tag(title, abstract);
  const tagByRules: TagFn = (title, abstract) => rules.tag(title, abstract);

  console.log("Micro precision / recall by population and split (LABELLING.md; scripts/eval/labels).");
  const fitted = config.model.splits ?? ["train"];
  console.log(
    `The model was fitted on ${fitted.join(" + ")}; thresholds chosen by cross-validation on the same papers; test never used.\n`,
  );
  console.log(
    `  ${"population".padEnd(10)} ${"split".padEnd(6)} ${"papers".padStart(6)}   ${"rules (before)".padEnd(17)} ${"model (after)".padEnd(17)}`,
  );
  let pass = true;
  for (const population of POPULATIONS) {
    for (const split of devOnly ? (["train", "dev"] as const) : (["train", "dev", "test"] as const)) {
      const selected = papers.filter((p) => p.population === population && p.split === split);
      if (selected.length === 0) continue;
      const before = evaluateLabelled(selected, tagByRules);
      const after = evaluateLabelled(selected, tag);
      const note = split !== "test" && (fitted as string[]).includes(split) ? "  (fitted on these)" : "";
      if (split === "test") pass &&= after.precision >= BAR.precision && after.recall >= BAR.recall;
      console.log(
        `  ${population.padEnd(10)} ${split.padEnd(6)} ${String(selected.length).padStart(6)}   ` +
          `${`${pct(before.precision)} / ${pct(before.recall)}`.padEnd(17)} ${`${pct(after.precision)} / ${pct(after.recall)}`.padEnd(17)}${note}`,
      );
      if (verbose && split === "dev") printMistakes(selected, tag);
    }
  }
  if (!devOnly)
    console.log(`\n  bar on test: precision ≥ ${pct(BAR.precision)} and recall ≥ ${pct(BAR.recall)} in every population`);

  console.log(`\nCross-validated on ${fitted.join(" + ")} (5 folds, recorded by npm run topics:train):`);
  for (const [population, cv] of Object.entries(config.model.crossValidated))
    console.log(`  ${population.padEnd(10)} ${String(cv.papers).padStart(6)} papers   ${pct(cv.precision)} / ${pct(cv.recall)}`);

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
  pass &&= speed >= BAR.speed;
  const rulesSpeed = measureThroughput(categorized, tagByRules);
  console.log(
    `\nSpeed: ${Math.round(speed).toLocaleString("en-US")} abstracts/s on one core (bar ${BAR.speed.toLocaleString("en-US")}; ` +
      `the rules alone, same run: ${Math.round(rulesSpeed).toLocaleString("en-US")})`,
  );
  if (devOnly) return 0;
  console.log(pass ? "\nPASS: tagging meets the bar." : "\nFAIL: tagging is below the bar.");
  return pass ? 0 : 1;
});

function printMistakes(papers: PopulationPaper[], tag: TagFn) {
  for (const m of evaluateLabelled(papers, tag).mistakes)
    console.log(`      ✗ ${m.title.slice(0, 70)}  extra: ${m.extra.join(", ") || "-"}  missed: ${m.missing.join(", ") || "-"}`);
}
