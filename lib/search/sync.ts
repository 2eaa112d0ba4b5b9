import type { Meilisearch } from "meilisearch";
import type { Db } from "../db";
import { ensureIndex, rebuildIndex, SearchTaskError, upsertDocuments } from "./admin";
import { idfTable } from "../embeddings/idf-table";
import { embedPaper } from "../embeddings/vectors";
import { documentHash, toPaperDocument, type PaperDocument } from "./document";

// The database is the source of truth; these functions bring the index in line with it.

interface IndexedPaper {
  id: string;
  indexedHash: string | null;
  document: PaperDocument;
  hash: string;
}

async function loadIndexedPapers(db: Db, paperIds?: string[]): Promise<IndexedPaper[]> {
  const papers = await db.paper.findMany({
    where: paperIds ? { id: { in: paperIds } } : undefined,
    orderBy: { slug: "asc" },
    include: {
      topics: { include: { topic: true }, orderBy: { score: "desc" } },
      appearances: { select: { digestId: true } },
    },
  });
  const table = idfTable();
  return papers.map((paper) => {
    const document = toPaperDocument({
      slug: paper.slug,
      title: paper.title,
      abstract: paper.abstract,
      codeUrl: paper.codeUrl,
      sortKey: paper.sortKey,
      sortPosition: paper.sortPosition,
      topics: paper.topics.map((t) => ({ slug: t.topic.slug, name: t.topic.name })),
      digestIds: paper.appearances.map((a) => a.digestId),
      vector: embedPaper(paper.title, paper.abstract, table),
    });
    return { id: paper.id, indexedHash: paper.indexedHash, document, hash: documentHash(document) };
  });
}

async function markIndexed(db: Db, papers: IndexedPaper[]): Promise<void> {
  const CHUNK = 500;
  for (let i = 0; i < papers.length; i += CHUNK) {
    await db.$transaction(
      papers.slice(i, i + CHUNK).map((p) => db.paper.update({ where: { id: p.id }, data: { indexedHash: p.hash } })),
    );
  }
}

export interface SyncResult {
  sent: number;
  upToDate: number;
  /** True when the index had to be rebuilt because its settings changed incompatibly. */
  rebuilt: boolean;
}

/**
 * Sends the given papers' documents if they changed, without touching the index's settings
 * (a key that may only add documents is enough): for editors' corrections.
 */
export async function sendPapers(db: Db, client: Meilisearch, uid: string, paperIds: string[]): Promise<number> {
  const changed = (await loadIndexedPapers(db, paperIds)).filter((p) => p.indexedHash !== p.hash);
  await upsertDocuments(client, uid, changed.map((p) => p.document));
  await markIndexed(db, changed);
  return changed.length;
}

/** Applies the index settings, then sends every paper whose document changed since it was last indexed. */
export async function syncIndex(
  db: Db,
  client: Meilisearch,
  uid: string,
  onProgress?: (sent: number, total: number) => void,
): Promise<SyncResult> {
  try {
    await ensureIndex(client, uid);
  } catch (error) {
    if (!(error instanceof SearchTaskError)) throw error;
    // The new settings do not fit the documents in the index (say, an embedder was added):
    // rebuild it from the database, which is the source of truth, and swap it in.
    const { documents } = await reindexFromDatabase(db, client, uid, onProgress);
    return { sent: documents, upToDate: 0, rebuilt: true };
  }
  const papers = await loadIndexedPapers(db);
  const changed = papers.filter((p) => p.indexedHash !== p.hash);
  await upsertDocuments(
    client,
    uid,
    changed.map((p) => p.document),
    (sent) => onProgress?.(sent, changed.length),
  );
  await markIndexed(db, changed);
  return { sent: changed.length, upToDate: papers.length - changed.length, rebuilt: false };
}

/** Rebuilds the whole index from the database, swapping it in atomically. */
export async function reindexFromDatabase(
  db: Db,
  client: Meilisearch,
  uid: string,
  onProgress?: (sent: number, total: number) => void,
): Promise<{ documents: number }> {
  const papers = await loadIndexedPapers(db);
  await rebuildIndex(
    client,
    uid,
    papers.map((p) => p.document),
    (sent) => onProgress?.(sent, papers.length),
  );
  await markIndexed(db, papers.filter((p) => p.indexedHash !== p.hash));
  return { documents: papers.length };
}
