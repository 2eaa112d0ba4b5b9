// npm run topics:train: trains the topic model (seeds/topic-model.json) on the train and dev
// splits of the labelled papers (scripts/eval/labels and ../shared/labels); the test split is
// never used. `-- --train-only` fits on train alone and shows the figures on dev: the way the
// options of scripts/topics/train.ts are chosen (then, as usual, the final fit takes dev too).
// Offline and deterministic: the same labels give the same file.
import { statSync, writeFileSync } from "node:fs";
import { idfTable } from "@/lib/embeddings/idf-table";
import { createModelTagger } from "@/lib/topics/model";
import { loadTaxonomyAndRules, MODEL_FILE } from "@/lib/topics/load";
import { compileRules } from "@/lib/topics/features";
import { evaluateLabelled } from "@/scripts/eval/topic-metrics";
import { labelledCorpusIds } from "@/scripts/eval/labelled-set";
import { ARXIV_DAILY_FILE, CORPUS_TRAIN_LABELS_FILE, corpusFile, sharedLabelsFile } from "@/scripts/lib/shared-corpus";
import { CATEGORY_TABLE_OPTIONS, learnCategoryTable } from "@/scripts/topics/categories";
import { readLabelledPopulations } from "@/scripts/topics/data";
import { serializeModel } from "@/scripts/topics/model-file";
import { DEFAULT_OPTIONS, trainTopicModel } from "@/scripts/topics/train";
import { run } from "./lib/cli";

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

run(async () => {
  const papers = await readLabelledPopulations("npm run topics:train");
  const { topics, rules } = await loadTaxonomyAndRules();
  const ruleScorer = compileRules(rules);
  const trainOnly = process.argv.includes("--train-only");
  const fitSplits: ("train" | "dev")[] = trainOnly ? ["train"] : ["train", "dev"];
  const train = papers.filter((p) => p.split === "train" || (!trainOnly && p.split === "dev"));
  console.log(
    `Training on ${train.length} papers of the ${fitSplits.join(" and ")} split${trainOnly ? " (dev is shown, not fitted)" : "s"}; test is never used …`,
  );
  const started = performance.now();
  const { papers: corpusPapers, ...categories } = await learnCategoryTable(
    corpusFile(ARXIV_DAILY_FILE, "npm run topics:train (arXiv categories of the corpus)"),
    labelledCorpusIds(sharedLabelsFile(CORPUS_TRAIN_LABELS_FILE, "npm run topics:train")),
    CATEGORY_TABLE_OPTIONS,
  );
  console.log(
    `Category table: ${Object.keys(categories.weights).length.toLocaleString("en-US")} stems × ${categories.groups.length} groups ` +
      `from ${corpusPapers.toLocaleString("en-US")} corpus papers (labelled ones left out), ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  const trained = trainTopicModel(
    train,
    { slugs: topics.map((t) => t.slug), rules: ruleScorer, idf: idfTable(), categories },
    DEFAULT_OPTIONS,
    (p) => p.population,
  );
  const model = { ...trained, splits: fitSplits };
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(MODEL_FILE, serializeModel(model));
  const size = statSync(MODEL_FILE).size;
  console.log(
    `Wrote ${MODEL_FILE}: ${Object.keys(model.weights).length.toLocaleString("en-US")} features, ` +
      `${(size / 1024).toFixed(0)} KB, trained in ${seconds.toFixed(1)} s.`,
  );

  const tagger = createModelTagger(model, ruleScorer);
  console.log(`\n  ${"population".padEnd(10)} ${"figures".padEnd(28)} ${"papers".padStart(6)}  precision  recall`);
  for (const [population, cv] of Object.entries(model.crossValidated)) {
    console.log(
      `  ${population.padEnd(10)} ${`${fitSplits.join("+")}, 5-fold cross-valid.`.padEnd(28)} ${String(cv.papers).padStart(6)}  ${pct(cv.precision).padStart(9)}  ${pct(cv.recall).padStart(6)}`,
    );
    if (!trainOnly) continue;
    const dev = papers.filter((p) => p.split === "dev" && p.population === population);
    const r = evaluateLabelled(dev, (title, abstract) => tagger.tag(title, abstract));
    console.log(
      `  ${population.padEnd(10)} ${"dev".padEnd(28)} ${String(r.papers).padStart(6)}  ${pct(r.precision).padStart(9)}  ${pct(r.recall).padStart(6)}`,
    );
  }
  console.log(
    "\n(Cross-validated figures use the thresholds chosen on those same folds; `npm run eval:topics` gives the test split" +
      (trainOnly ? "; run without --train-only for the final model, fitted on train and dev.)" : ".)"),
  );
  return 0;
});
