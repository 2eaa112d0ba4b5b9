import { createHash } from "node:crypto";
import { EMBEDDER, type PaperDocument } from "../search/settings";

export type { PaperDocument };

export interface PaperForIndex {
  slug: string;
  title: string;
  abstract: string;
  codeUrl: string | null;
  sortKey: number;
  sortPosition: number;
  firstSeenAt: Date;
  topics: { slug: string; name: string }[];
  digestIds: string[];
  vector: number[] | null;
}

export function toPaperDocument(paper: PaperForIndex): PaperDocument {
  return {
    id: paper.slug,
    slug: paper.slug,
    title: paper.title,
    abstract: paper.abstract,
    codeUrl: paper.codeUrl,
    hasCode: paper.codeUrl !== null,
    topics: paper.topics.map((t) => t.slug),
    topicNames: paper.topics.map((t) => t.name),
    digests: [...new Set(paper.digestIds)].sort(),
    date: paper.sortKey,
    position: paper.sortPosition,
    firstSeenAt: paper.firstSeenAt.getTime(),
    _vectors: { [EMBEDDER]: paper.vector },
  };
}

/** Content hash of a document: a paper is re-sent to the index only when this changes. */
export function documentHash(doc: PaperDocument): string {
  const { hash: _ignored, ...content } = doc;
  return createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 32);
}

/** The document with its own hash inside, as it is sent to the index. */
export function withHash(doc: PaperDocument): PaperDocument {
  return { ...doc, hash: documentHash(doc) };
}
