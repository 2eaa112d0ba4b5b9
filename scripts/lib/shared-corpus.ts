import { existsSync } from "node:fs";
import path from "node:path";

// The shared corpus of real arXiv records (third-party data, see its SOURCES.md) sits beside
// the checkout, not in it. Evaluation and benchmark scripts read it; tests never do (they use
// tests/fixtures/corpus). A script that needs a missing file says which, what for and where
// to put it, instead of failing on ENOENT.

export const CORPUS_DIR_VARIABLE = "PAPERDEX_CORPUS_DIR";
export const ARXIV_DAILY_FILE = "arxiv-cs-daily-2025-2026.jsonl.gz";
export const HF_DAILY_PAPERS_FILE = "hf-daily-papers.jsonl";

export class MissingCorpusError extends Error {}

/** The folder of the shared corpus: ../shared/corpus beside the checkout, or PAPERDEX_CORPUS_DIR. */
export function corpusDir(): string {
  return path.resolve(process.env[CORPUS_DIR_VARIABLE] || "../shared/corpus");
}

/** The path of a file of the shared corpus; a MissingCorpusError when it is not there. */
export function corpusFile(name: string, neededBy: string): string {
  const file = path.join(corpusDir(), name);
  if (!existsSync(file)) {
    throw new MissingCorpusError(
      `${neededBy} needs ${name} from the shared arXiv corpus, and ${file} does not exist.\n` +
        `  Put the corpus folder (${ARXIV_DAILY_FILE}, ${HF_DAILY_PAPERS_FILE}, SOURCES.md) at ../shared/corpus beside\n` +
        `  the checkout, or set ${CORPUS_DIR_VARIABLE} to the folder that holds it.`,
    );
  }
  return file;
}

export const LABELS_DIR_VARIABLE = "PAPERDEX_LABELS_DIR";
export const CORPUS_TRAIN_LABELS_FILE = "corpus-train.jsonl";

/** A file of the shared hand labels (../shared/labels, or PAPERDEX_LABELS_DIR); a MissingCorpusError when it is not there. */
export function sharedLabelsFile(name: string, neededBy: string): string {
  const dir = path.resolve(process.env[LABELS_DIR_VARIABLE] || "../shared/labels");
  const file = path.join(dir, name);
  if (!existsSync(file)) {
    throw new MissingCorpusError(
      `${neededBy} needs ${name} from the shared hand labels, and ${file} does not exist.\n` +
        `  Put the labels folder at ../shared/labels beside the checkout, or set ${LABELS_DIR_VARIABLE} to it.`,
    );
  }
  return file;
}
