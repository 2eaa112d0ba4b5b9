import type { Meilisearch } from "meilisearch";
import { Prisma } from "@/prisma/generated/client/client";
import { parameterChunks, type Db } from "../db";
import { indexInclude, toPaperForIndex } from "../papers/reshape";
import { termVectors } from "../embeddings/term-vectors";
import { embedPaper } from "../embeddings/vectors";
import { rebuildIndex, upsertDocuments } from "./tasks";
import { toPaperDocument, withHash, type PaperDocument } from "./document";
import type { WriterFence } from "../ingest/writer-lock";

// The database is the source of truth; these functions bring the index in line with it.
// Papers are read in batches (keyset pagination by id), so memory and query sizes stay bounded however
// many papers there are.

export interface IndexedPaper {
  id: string;
  indexedHash: string | null;
  document: PaperDocument;
  hash: string;
}

/** Papers read per query when scanning the whole table (keyset pagination). */
const BATCH = 500;

/** Every paper (or those given, or those not indexed since they changed) as its search document, a batch at a time. */
export async function* indexedPapers(db: Db, paperIds?: string[], onlyDirty = false): AsyncGenerator<IndexedPaper[]> {
  if (paperIds) {
    for (const chunk of parameterChunks(paperIds)) yield* scan(db, chunk, onlyDirty);
    return;
  }
  yield* scan(db, undefined, onlyDirty);
}

async function* scan(db: Db, paperIds: string[] | undefined, onlyDirty: boolean): AsyncGenerator<IndexedPaper[]> {
  const table = termVectors();
  let cursor: string | undefined;
  for (;;) {
    const papers = await db.paper.findMany({
      // Keyset pagination on id, not Prisma's cursor: the caller marks each batch indexed,
      // and a cursor row that no longer matches the filter would end the scan early.
      where: {
        id: { ...(paperIds ? { in: paperIds } : {}), ...(cursor ? { gt: cursor } : {}) },
        ...(onlyDirty ? { indexedHash: null } : {}),
      },
      orderBy: { id: "asc" },
      take: BATCH,
      include: indexInclude,
    });
    if (papers.length === 0) return;
    yield papers.map((paper) => {
      const document = withHash(toPaperDocument(toPaperForIndex(paper, embedPaper(paper.title, paper.abstract, table))));
      return { id: paper.id, indexedHash: paper.indexedHash, document, hash: document.hash! };
    });
    if (papers.length < BATCH) return;
    cursor = papers.at(-1)!.id;
  }
}

/**
 * Records the hash of what the index now holds for each paper: one UPDATE … CASE statement
 * per few hundred papers rather than one statement per paper (plain SQL that SQLite and
 * PostgreSQL both accept; every value is a bound parameter), all in one transaction, which a
 * writer's `fence` opens by proving that it still holds the lock.
 */
export async function markIndexed(db: Db, papers: { id: string; hash: string }[], fence?: WriterFence): Promise<void> {
  if (papers.length === 0) return;
  await db.$transaction(
    async (tx) => {
      await fence?.assertHeld(tx);
      for (const chunk of parameterChunks(papers, { perItem: 3, reserved: 0 })) {
        const cases = Prisma.join(
          chunk.map((p) => Prisma.sql`WHEN ${p.id} THEN ${p.hash}`),
          " ",
        );
        const ids = Prisma.join(chunk.map((p) => p.id));
        await tx.$executeRaw`UPDATE "Paper" SET "indexedHash" = CASE "id" ${cases} END WHERE "id" IN (${ids})`;
      }
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/**
 * Sends the papers that changed since they were indexed (marked by a null indexedHash; of the
 * given ones, or all), and records what the index now holds. Returns how many were sent. With
 * a writer's `fence`, each batch goes out only while the writer still holds the lock.
 */
async function sendChanged(
  db: Db,
  client: Meilisearch,
  uid: string,
  paperIds?: string[],
  onProgress?: (sent: number) => void,
  fence?: WriterFence,
) {
  const changed: { id: string; hash: string }[] = [];
  async function* documents() {
    for await (const batch of indexedPapers(db, paperIds, true)) {
      changed.push(...batch.map((p) => ({ id: p.id, hash: p.hash })));
      await fence?.assertHeld();
      yield batch.map((p) => p.document);
    }
  }
  await upsertDocuments(client, uid, documents(), onProgress);
  await markIndexed(db, changed, fence);
  return changed.length;
}

/**
 * Sends the given papers' documents if they changed, without touching the index's settings
 * (a key that may only add documents is enough): for editors' corrections.
 */
export async function sendPapers(db: Db, client: Meilisearch, uid: string, paperIds: string[]): Promise<number> {
  return sendChanged(db, client, uid, paperIds);
}

/** Sends every paper not indexed since it changed (after a failed run, for instance). */
export async function sendDirty(
  db: Db,
  client: Meilisearch,
  uid: string,
  onProgress?: (sent: number, total: number) => void,
  fence?: WriterFence,
): Promise<number> {
  const total = await db.paper.count({ where: { indexedHash: null } });
  return sendChanged(db, client, uid, undefined, (n) => onProgress?.(n, total), fence);
}

/**
 * Rebuilds the whole index from the database, swapping it in atomically. With a writer's
 * `fence`, each batch goes out, and the swap happens, only while the writer holds the lock.
 */
export async function reindexFromDatabase(
  db: Db,
  client: Meilisearch,
  uid: string,
  onProgress?: (sent: number, total: number) => void,
  fence?: WriterFence,
): Promise<{ documents: number }> {
  const total = await db.paper.count();
  let documents = 0;
  const fresh: { id: string; hash: string }[] = [];
  await rebuildIndex(client, uid, async (staging) => {
    async function* all() {
      for await (const batch of indexedPapers(db)) {
        documents += batch.length;
        fresh.push(...batch.filter((p) => p.indexedHash !== p.hash).map((p) => ({ id: p.id, hash: p.hash })));
        await fence?.assertHeld();
        yield batch.map((p) => p.document);
      }
    }
    await upsertDocuments(client, staging, all(), (sent) => onProgress?.(sent, total));
    // The swap follows: a writer that lost the lock meanwhile must not put its copy live.
    await fence?.assertHeld();
  });
  // Only once the new index is live do the papers count as indexed in this version.
  await markIndexed(db, fresh, fence);
  return { documents };
}

export interface Drift {
  papers: number;
  documents: number;
  /** In the database, not in the index. */
  missing: string[];
  /** In the index, not in the database. */
  extra: string[];
  /** In both, but the index holds an older version. */
  stale: string[];
}

/** Compares the index with what the database says it should hold. */
export async function compareIndex(db: Db, client: Meilisearch, uid: string): Promise<Drift> {
  const expected = new Map<string, string>();
  for await (const batch of indexedPapers(db)) for (const p of batch) expected.set(p.document.id, p.hash);
  const actual = new Map<string, string | undefined>();
  const PAGE = 1_000;
  for (let offset = 0; ; offset += PAGE) {
    const page = await client
      .index<PaperDocument>(uid)
      .getDocuments<Pick<PaperDocument, "id" | "hash">>({ fields: ["id", "hash"], limit: PAGE, offset });
    for (const doc of page.results) actual.set(doc.id, doc.hash);
    if (page.results.length < PAGE) break;
  }
  return {
    papers: expected.size,
    documents: actual.size,
    missing: [...expected.keys()].filter((id) => !actual.has(id)),
    extra: [...actual.keys()].filter((id) => !expected.has(id)),
    stale: [...expected].filter(([id, hash]) => actual.has(id) && actual.get(id) !== hash).map(([id]) => id),
  };
}
