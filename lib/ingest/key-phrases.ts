import { parameterChunks, type Db } from "../db";
import type { Tagger } from "../topics/tagger";
import { refreshCountsOfPapers } from "../trends/digest-counts";
import { keyPhrases, PHRASES_VERSION } from "../trends/phrases";
import { insertRows } from "./insert-rows";
import type { WriterFence } from "./writer-lock";

// Papers' key phrases (PaperPhrase, see lib/trends/phrases.ts) are made wherever the ingest
// tags a paper. Papers stored before they existed, or under an older version of their rules,
// get theirs at the start of the next ingest (backfillPhrases).

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const BACKFILL_CHUNK = 500;

/** Whether a stored paper's key phrases are `phrases` (as keyPhrases sorts them), made under the current rules. */
export function phrasesCurrent(paper: { phrasesVersion: number; phrases: { phrase: string }[] }, phrases: string[]): boolean {
  if (paper.phrasesVersion !== PHRASES_VERSION || paper.phrases.length !== phrases.length) return false;
  const stored = paper.phrases.map((p) => p.phrase).sort();
  return stored.every((phrase, i) => phrase === phrases[i]);
}

/** Makes these papers' key phrases exactly `phrases`, under the current rules. */
export async function replacePhrases(tx: Tx, papers: { paperId: string; phrases: string[] }[]): Promise<void> {
  for (const chunk of parameterChunks(papers)) {
    const ids = chunk.map((p) => p.paperId);
    await tx.paperPhrase.deleteMany({ where: { paperId: { in: ids } } });
    await insertRows(
      tx,
      "PaperPhrase",
      chunk.flatMap((p) => p.phrases.map((phrase) => ({ paperId: p.paperId, phrase }))),
    );
    await tx.paper.updateMany({ where: { id: { in: ids } }, data: { phrasesVersion: PHRASES_VERSION } });
  }
}

/**
 * Makes the key phrases of every paper that lacks them (or has them from older rules), from
 * its stored title and abstract, and recounts its digests, in transactions of a few hundred
 * papers: a run cut short leaves the rest for the next. `starting` hears how many papers there are, before any work.
 * Returns that number (0, after one indexed read, when all papers have them).
 */
export async function backfillPhrases(
  db: Db,
  tagger: Tagger,
  fence?: WriterFence,
  starting?: (papers: number) => void,
): Promise<number> {
  const where = { phrasesVersion: { lt: PHRASES_VERSION } };
  if ((await db.paper.count({ where })) === 0) return 0;
  // By newest digest, so that each transaction recounts few digests.
  const stale = await db.paper.findMany({ where, select: { id: true }, orderBy: [{ sortKey: "asc" }, { sortPosition: "asc" }] });
  starting?.(stale.length);
  for (let i = 0; i < stale.length; i += BACKFILL_CHUNK) {
    const ids = stale.slice(i, i + BACKFILL_CHUNK).map((p) => p.id);
    await db.$transaction(
      async (tx) => {
        await fence?.assertHeld(tx);
        const papers = await tx.paper.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, abstract: true } });
        await replacePhrases(
          tx,
          papers.map((p) => ({
            paperId: p.id,
            phrases: keyPhrases(
              tagger.tag(p.title, p.abstract).flatMap((t) => t.evidence),
              p.title,
              p.abstract,
            ),
          })),
        );
        await refreshCountsOfPapers(tx, ids);
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  }
  return stale.length;
}
