// npm run eval:topics: tagging precision and recall on the hand-labelled seed papers,
// agreement with arXiv categories on HF Daily Papers, and tagging speed.
import { loadTopicConfig } from "@/lib/topics/load";
import { evaluateAgreement, evaluateLabelled, measureThroughput } from "@/scripts/eval/topic-metrics";
import { loadCategorizedPapers, loadLabelledSeeds } from "@/scripts/eval/labelled-set";
import { corpusFile, HF_DAILY_PAPERS_FILE } from "@/scripts/lib/shared-corpus";
import { createTagger } from "@/lib/topics/tagger";
import { run } from "./lib/cli";

const BAR = { precision: 0.85, recall: 0.8, speed: 5_000 };
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

run(async () => {
  const verbose = process.argv.includes("--verbose");
  const categorizedFile = corpusFile(HF_DAILY_PAPERS_FILE, "npm run eval:topics (agreement with arXiv categories)");
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

  const pass =
    result.precision >= BAR.precision && result.recall >= BAR.recall && result.untagged.length === 0 && speed >= BAR.speed;
  console.log(pass ? "\nPASS: tagging meets the bar." : "\nFAIL: tagging is below the bar.");
  return pass ? 0 : 1;
});
