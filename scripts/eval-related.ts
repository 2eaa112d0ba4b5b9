// npm run eval:related: how often related papers are on topic, judged by hand labels at both
// ends (issue 13). A related paper counts when its labels (must ∪ ok) share a topic with the
// query paper's must topics; the figure is the share of the top five that count, per split of
// the query papers (tuning used train and dev only). Measured in one run:
//   - the product's real path: the seeds ingested into a throwaway database and Meilisearch,
//     related papers from the similar-documents endpoint (the paper page) and from the
//     database fallback's ranking;
//   - in process, on the seeds and on every labelled paper (seeds + 600 labelled corpus
//     papers): the product's vectors, plain TF-IDF cosine (corpus IDF, terms and bigrams) and
//     random picks.
// Needs ../shared/corpus (abstracts of the labelled corpus papers, the corpus IDF) and
// ../shared/labels.
import { TOPIC_BONUS } from "@/lib/search/related-rank";
import { paperFeatures, sublinear } from "@/lib/embeddings/features";
import { DIMENSIONS, cosine, embedPaper } from "@/lib/embeddings/vectors";
import { ingestFiles } from "@/lib/ingest/ingest";
import { labelledCorpusIds, loadPopulations, type PopulationPaper } from "@/scripts/eval/labelled-set";
import { evaluateProductRelated, judged, loadJudgedSeeds, printRelatedTable } from "@/scripts/eval/related";
import {
  nearest,
  randomScore,
  scoreRelated,
  sparseCosine,
  tfidfVectors,
  type JudgedPaper,
  type ScoreBySplit,
} from "@/scripts/eval/related-metrics";
import { ARXIV_DAILY_FILE, CORPUS_TRAIN_LABELS_FILE, corpusFile, sharedLabelsFile } from "@/scripts/lib/shared-corpus";
import { listDigests, withThrowawayStack } from "@/scripts/lib/throwaway-stack";
import { corpusPapers, distinctPapers, seedPapers } from "@/scripts/vectors/papers";
import { idfOf, vocabulary } from "@/scripts/vectors/train";
import { formatMs, run } from "./lib/cli";

/** Issue 13's bar for related papers (test split, through Meilisearch). */
const TARGET = 0.8;

run(async () => {
  const started = performance.now();
  const corpus = corpusFile(ARXIV_DAILY_FILE, "npm run eval:related");
  const labelsFile = sharedLabelsFile(CORPUS_TRAIN_LABELS_FILE, "npm run eval:related");

  const ids = labelledCorpusIds(labelsFile);
  const { records, abstracts } = await readCorpusPapers(corpus, ids);
  const labelled = distinctByKey(loadPopulations(labelsFile, abstracts));
  console.log(`${labelled.length} labelled papers (${labelled.filter((p) => p.population === "seeds").length} seeds)`);

  // The baseline's IDF: every paper of the corpus and the seeds, terms and bigrams.
  const training = distinctPapers([...seedPapers(), ...records]);
  const { terms, df } = vocabulary(training, 2);
  const idf = new Map(terms.map((t, i) => [t, idfOf(df[i]!, training.length)]));
  const unseenIdf = idfOf(1, training.length);
  console.log(`Corpus IDF: ${terms.length.toLocaleString("en-US")} terms and bigrams in ≥ 2 of ${training.length} papers`);

  const features = new Map(labelled.map((p) => [judged(p).key, paperFeatures(p.title, p.abstract)]));
  const tfidf = new Map([...features].map(([key, f]) => [key, tfidfVectors(f, (t) => idf.get(t) ?? unseenIdf, sublinear)]));
  const vectors = new Map(labelled.map((p) => [judged(p).key, embedPaper(p.title, p.abstract)]));
  const ours = (a: string, b: string) => {
    const [va, vb] = [vectors.get(a), vectors.get(b)];
    return va && vb ? cosine(va, vb) : -1;
  };
  const plain = (a: string, b: string) => sparseCosine(tfidf.get(a)!, tfidf.get(b)!);

  const inProcess = async (pool: Map<string, JudgedPaper>): Promise<[string, ScoreBySplit][]> => {
    const queries = [...pool.values()];
    return [
      [`Paperdex vectors (${DIMENSIONS}-d)`, await scoreRelated(queries, pool, (q) => nearest(q.key, pool.keys(), ours))],
      ["TF-IDF cosine (corpus IDF, bigrams)", await scoreRelated(queries, pool, (q) => nearest(q.key, pool.keys(), plain))],
      ["random", randomScore(queries, pool)],
    ];
  };
  const all = new Map(labelled.map((p) => [judged(p).key, judged(p)]));
  const seeds = new Map([...all].filter(([key]) => labelled.find((p) => judged(p).key === key)!.population === "seeds"));
  printRelatedTable(
    `Related papers among the ${all.size} labelled papers (in process), share of the top 5 on topic:`,
    await inProcess(all),
  );
  const seedRows = await inProcess(seeds);
  printRelatedTable(`Related papers among the ${seeds.size} seed papers (in process):`, seedRows);

  const product = await throughTheProduct();
  printRelatedTable(`Related papers as the product shows them (${product.papers} seed papers ingested):`, [
    ["paper page (Meilisearch, shared topic + bonus)", product.meilisearch],
    ["Meilisearch similar-documents, vectors only", product.vectorsOnly],
    [`database fallback (cosine + ${TOPIC_BONUS} per shared tagged topic)`, product.fallback],
    ["database fallback (cosine only)", product.fallbackCosineOnly],
    ["TF-IDF cosine (corpus IDF, bigrams)", seedRows[1]![1]],
    ["random", product.random],
  ]);

  const headline = product.meilisearch.test.share;
  console.log(
    `\n${headline >= TARGET ? "PASS" : "FAIL"}: on the test split, ${(100 * headline).toFixed(1)}% of related papers are on topic ` +
      `(target ${100 * TARGET}%; TF-IDF ${(100 * seedRows[1]![1].test.share).toFixed(1)}%, random ${(100 * product.random.test.share).toFixed(1)}%), ` +
      `in ${formatMs(performance.now() - started)}.`,
  );
  return headline >= TARGET ? 0 : 1;
});

async function readCorpusPapers(file: string, labelledIds: Set<string>) {
  const records = await corpusPapers(file);
  const abstracts = new Map<string, string>();
  for (const r of records) if (labelledIds.has(r.id)) abstracts.set(r.id, r.abstract);
  return { records, abstracts };
}

/** Each labelled paper once (a corpus paper may also be a seed: the first label wins). */
function distinctByKey(papers: PopulationPaper[]): PopulationPaper[] {
  const seen = new Set<string>();
  return papers.filter((p) => {
    const key = judged(p).key;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The seeds ingested into a throwaway SQLite database and Meilisearch, as the product does it. */
function throughTheProduct() {
  return withThrowawayStack("eval-related", async ({ db, search }) => {
    const summary = await ingestFiles({ db, search, indexUid: "papers" }, { files: listDigests("seeds") });
    if (summary.indexError) throw new Error(`indexing the seeds failed: ${summary.indexError}`);
    return evaluateProductRelated(db, loadJudgedSeeds());
  });
}
