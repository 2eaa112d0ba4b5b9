import { labelledCorpusIds, loadPopulations, type PopulationPaper } from "../eval/labelled-set";
import { readCorpus } from "../lib/corpus-read";
import { ARXIV_DAILY_FILE, CORPUS_TRAIN_LABELS_FILE, corpusFile, sharedLabelsFile } from "../lib/shared-corpus";

/**
 * Every labelled paper (seeds, Daily picks, other arXiv cs) with its population and split, the
 * corpus papers' abstracts read from the shared corpus. `neededBy` names the command in the
 * message when ../shared is missing.
 */
export async function readLabelledPopulations(neededBy: string): Promise<PopulationPaper[]> {
  const arxivFile = corpusFile(ARXIV_DAILY_FILE, `${neededBy} (abstracts of the labelled corpus papers)`);
  const corpusTrainFile = sharedLabelsFile(CORPUS_TRAIN_LABELS_FILE, `${neededBy} (labelled corpus papers)`);
  const ids = labelledCorpusIds(corpusTrainFile);
  const { records } = await readCorpus(ids.size, (r) => ids.has(r.id), arxivFile);
  return loadPopulations(corpusTrainFile, new Map(records.map((r) => [r.id, r.abstract.replace(/\s+/g, " ")])));
}
