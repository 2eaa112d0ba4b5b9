import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Meilisearch } from "meilisearch";
import type { Db } from "../db";
import { decodeDigest, digestIdFromFileName, MAX_FILE_BYTES, parseDigest, type DigestProblem } from "../digest";
import { describeSearchError } from "../meilisearch/errors";
import { ensureIndex, SearchTaskError } from "../indexing/tasks";
import { IndexPipeline } from "../indexing/pipeline";
import { reindexFromDatabase, sendDirty } from "../indexing/sync";
import { createTopicTagger, loadTopicConfig } from "../topics/load";
import { refreshTopicCounts } from "../topics/paper-counts";
import type { Tagger } from "../topics/tagger";
import { createDigestDater, type DatedDigest } from "./digest-date";
import { storeDigest } from "./store-digest";
import { withWriterLock, WriterLockLost, type WriterFence } from "./writer-lock";
import { syncTopics } from "./topics";
import { backfillPhrases } from "./key-phrases";

const SEND_BATCH = 2_000;
const TOPIC_RECOUNT_MS = 2_000;

export interface IngestOptions {
  files: string[];
  /**
   * Year of the first "Mar 12" label among files whose names carry no date (later labels
   * follow it across New Year, see createDigestDater); without it no full date is invented.
   */
  year?: number;
  topicsFile?: string;
  rulesFile?: string;
  modelFile?: string;
}

export type FileOutcome =
  | {
      file: string;
      status: "stored";
      entries: number;
      newPapers: number;
      updatedPapers: number;
      unchangedPapers: number;
      digestChanged: boolean;
      touched: string[];
      label: string | null;
      /** The date this run gave the digest (YYYY-MM-DD), where its year came from, and any disagreement. */
      date: { on: string | null; yearFrom: DatedDigest["yearFrom"]; note: string | null };
    }
  | { file: string; status: "duplicate"; of: string }
  | { file: string; status: "failed"; problems: DigestProblem[] };

export interface IngestSummary {
  files: FileOutcome[];
  entries: number;
  newPapers: number;
  updatedPapers: number;
  unchangedPapers: number;
  indexed: number;
  /** Set when the database was updated but the index could not be: the data is safe, the search stale. */
  indexError: string | null;
  /** Papers stored before key phrases existed (or under older rules) that got theirs in this run. */
  phrasesBackfilled: number;
  failedFiles: number;
  ms: number;
}

export interface IngestReporter {
  /** Another writer holds the database; the ingest waits for it. */
  waiting?: (holder: string, since: Date) => void;
  /** Papers already stored lack key phrases (see backfillPhrases): they get them first, once. */
  phrasesBackfill?: (papers: number) => void;
  fileStart?: (file: string, index: number, total: number) => void;
  /** The file's transaction is open and has begun writing: until `fileDone`, a crash stores none of it. */
  fileStoring?: (file: string) => void;
  fileDone?: (outcome: FileOutcome) => void;
  indexProgress?: (sent: number, total: number) => void;
}

export interface IngestTargets {
  db: Db;
  search: Meilisearch;
  indexUid: string;
}

/**
 * Stores digest files and brings the index up to date. Holds the writer lock throughout, so
 * that ingests started at once from several processes or machines run one after the other.
 */
export async function ingestFiles(
  targets: IngestTargets,
  options: IngestOptions,
  reporter: IngestReporter = {},
): Promise<IngestSummary> {
  return withWriterLock(targets.db, "ingest", (lock) => ingestLocked(targets, options, reporter, lock), {
    onWait: reporter.waiting,
  });
}

async function ingestLocked(
  { db, search, indexUid }: IngestTargets,
  options: IngestOptions,
  reporter: IngestReporter,
  // Every write below proves first that this ingest still holds the writer lock; once another
  // writer took it over, the next write throws WriterLockLost and the ingest stops there.
  lock: WriterFence,
): Promise<IngestSummary> {
  const started = performance.now();
  const config = await loadTopicConfig(options.topicsFile, options.rulesFile, options.modelFile);
  const { topics } = config;
  const tagger = createTopicTagger(config);
  await syncTopics(db, topics, lock);
  const phrasesBackfilled = await backfillPhrases(db, tagger, lock, reporter.phrasesBackfill);

  // The index follows the database, file by file: changed papers are queued for Meilisearch
  // while the next files are stored. An index failure never stops the database work; it is
  // reported, and the papers stay marked as not indexed for the next run.
  let indexError: string | null = null;
  let pipeline: IndexPipeline | null = null;
  let rebuild = false;
  try {
    await ensureIndex(search, indexUid);
    pipeline = new IndexPipeline(db, search, indexUid, lock);
  } catch (error) {
    if (error instanceof SearchTaskError)
      rebuild = true; // settings changed: rebuild at the end
    else indexError = describeSearchError(error);
  }

  // Changed papers go out as soon as Meilisearch is idle, else once a few thousand wait:
  // the tasks that queue up while it is busy are indexed together, as one large batch.
  let waiting: string[] = [];
  const send = async (force: boolean) => {
    if (!pipeline || waiting.length === 0) return;
    if (!force && waiting.length < SEND_BATCH && !pipeline.idle) return;
    const ids = waiting;
    waiting = [];
    try {
      await pipeline.enqueue(ids);
    } catch (error) {
      if (error instanceof WriterLockLost) throw error;
      indexError = describeSearchError(error);
      pipeline = null;
    }
  };

  // Between files, never during one: a paper is marked indexed only while no write is under way.
  const markFinished = async () => {
    try {
      await pipeline?.markFinished();
    } catch (error) {
      if (error instanceof WriterLockLost) throw error;
      indexError = describeSearchError(error);
      pipeline = null;
    }
  };

  // Topic counts are cached in the Topic table: recounted now and then while files are
  // stored (each recount reads every paper-topic row), and once more at the end.
  let countedAt = performance.now();
  const recountTopics = async (force: boolean) => {
    if (!force && performance.now() - countedAt < TOPIC_RECOUNT_MS) return;
    await db.$transaction(
      async (tx) => {
        await lock.assertHeld(tx);
        await refreshTopicCounts(tx);
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    countedAt = performance.now();
  };

  const outcomes: FileOutcome[] = [];
  const dater = createDigestDater(options.year);
  for (const [i, file] of options.files.entries()) {
    reporter.fileStart?.(file, i, options.files.length);
    const outcome = await ingestOne(db, lock, file, dater, tagger, () => reporter.fileStoring?.(file));
    outcomes.push(outcome);
    reporter.fileDone?.(outcome);
    if (outcome.status === "stored") {
      pipeline?.invalidate(outcome.touched);
      waiting.push(...outcome.touched);
      if (outcome.touched.length > 0) await recountTopics(false);
    }
    await send(false);
    await markFinished();
  }
  await send(true);
  await recountTopics(true);

  let indexed = 0;
  try {
    if (pipeline) {
      await pipeline.flush(reporter.indexProgress);
      // Papers an earlier run could not index are still marked: send them too.
      indexed = pipeline.sent + (await sendDirty(db, search, indexUid, reporter.indexProgress, lock));
    } else if (rebuild) {
      indexed = (await reindexFromDatabase(db, search, indexUid, reporter.indexProgress, lock)).documents;
    }
  } catch (error) {
    if (error instanceof WriterLockLost) throw error;
    indexError = describeSearchError(error);
  }

  const stored = outcomes.filter((o) => o.status === "stored");
  const sum = (key: "entries" | "newPapers" | "updatedPapers" | "unchangedPapers") =>
    stored.reduce((total, o) => total + o[key], 0);
  return {
    files: outcomes,
    entries: sum("entries"),
    newPapers: sum("newPapers"),
    updatedPapers: sum("updatedPapers"),
    unchangedPapers: sum("unchangedPapers"),
    indexed,
    indexError,
    phrasesBackfilled,
    failedFiles: outcomes.filter((o) => o.status === "failed").length,
    ms: performance.now() - started,
  };
}

async function ingestOne(
  db: Db,
  lock: WriterFence,
  file: string,
  dater: ReturnType<typeof createDigestDater>,
  tagger: Tagger,
  storing: () => void,
): Promise<FileOutcome> {
  const fileName = path.basename(file);
  const size = await stat(file).then(
    (s) => (s.isFile() ? s.size : -1),
    () => null,
  );
  if (size === null) return failed(file, "the file does not exist or cannot be read");
  if (size < 0) return failed(file, "not a regular file");
  if (size > MAX_FILE_BYTES) {
    return failed(
      file,
      `the file is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB a digest may have`,
    );
  }
  const bytes = await readFile(file);
  const decoded = decodeDigest(bytes);
  if (!decoded.ok) return { file, status: "failed", problems: [decoded.problem] };
  const parsed = parseDigest(decoded.text);
  if (parsed.problems.length > 0) return { file, status: "failed", problems: parsed.problems };
  // Dated before the duplicate check: a skipped file still says where the run is in the year.
  const date = dater(fileName, parsed.label);

  const contentHash = createHash("sha256").update(bytes).digest("hex");
  const id = digestIdFromFileName(fileName);
  const twin = await db.digest.findUnique({ where: { contentHash }, select: { id: true, fileName: true } });
  if (twin && twin.id !== id) return { file, status: "duplicate", of: twin.fileName };
  const sameId = await db.digest.findUnique({ where: { id }, select: { fileName: true } });
  if (sameId && sameId.fileName !== fileName) {
    return failed(file, `its digest id "${id}" is already used by ${sameId.fileName}; rename the file`);
  }

  const counts = await storeDigest(
    db,
    { id, fileName, contentHash, label: parsed.label, date, entries: parsed.entries },
    tagger,
    storing,
    lock,
  );
  return {
    file,
    status: "stored",
    entries: parsed.entries.length,
    ...counts,
    label: parsed.label,
    date: { on: date.publishedOn?.toISOString().slice(0, 10) ?? null, yearFrom: date.yearFrom, note: date.note },
  };
}

function failed(file: string, message: string): FileOutcome {
  return { file, status: "failed", problems: [{ message }] };
}
