import { createHash } from "node:crypto";
import { EMBEDDER } from "../search/settings";

/** The shape of a paper in the Meilisearch index. Built from the database only. */
export interface PaperDocument {
  id: string;
  slug: string;
  title: string;
  abstract: string;
  codeUrl: string | null;
  hasCode: boolean;
  topics: string[];
  topicNames: string[];
  digests: string[];
  /** Newest digest's sort key (YYYYMMDD, or MMDD when the year is unknown). */
  date: number;
  /** Position in that newest digest, to keep a digest's own order within a date. */
  position: number;
  /** Hash of the rest of the document: lets `npm run check` spot drift without comparing everything. */
  hash?: string;
  /** The paper's text vector (lib/embeddings), for similar papers and hybrid search. */
  _vectors: Record<typeof EMBEDDER, number[] | null>;
}

export interface PaperForIndex {
  slug: string;
  title: string;
  abstract: string;
  codeUrl: string | null;
  sortKey: number;
  sortPosition: number;
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
