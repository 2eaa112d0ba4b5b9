import type { Settings } from "meilisearch";
import { termVectorsHeader } from "../embeddings/term-vectors";
import { DIMENSIONS } from "../embeddings/vectors";
import { MEILI_STOP_WORDS } from "./stop-words";
import { SYNONYMS } from "./synonyms";

/** Private-use characters mark highlights: they never occur in abstracts, and are not HTML. */
export const HIGHLIGHT_PRE = "\uE000";
export const HIGHLIGHT_POST = "\uE001";
export const CROP_MARKER = "…";

/** Facet attributes the app filters on, keyed by their URL parameter. The only allow-list. */
export const FACETS = {
  topic: "topics",
  digest: "digests",
  hasCode: "hasCode",
} as const;

export type FacetParam = keyof typeof FACETS;

/** The numeric attribute the `since` parameter filters on (a paper's firstSeenAt, in ms since 1970). */
export const FIRST_SEEN_ATTRIBUTE = "firstSeenAt";

export const SORTS = {
  relevance: [],
  newest: ["date:desc", "position:asc"],
  oldest: ["date:asc", "position:asc"],
  title: ["title:asc"],
} as const satisfies Record<string, readonly string[]>;

export type SortParam = keyof typeof SORTS;

export const MAX_TOTAL_HITS = 10_000;
/**
 * The embedder holding the papers' text vectors, named after the term vectors that made them:
 * a retrained table (other dimensions or other numbers) is another embedder, and an index
 * built with the old one is rebuilt by the next ingest (lib/indexing/tasks.ts ensureIndex).
 */
export const EMBEDDER = `text_${termVectorsHeader().fingerprint}`;

export const PAPERS_INDEX_SETTINGS: Settings = {
  // Order matters: a match in the title outranks one in the topic names or the abstract.
  searchableAttributes: ["title", "topicNames", "abstract"],
  filterableAttributes: [...Object.values(FACETS), FIRST_SEEN_ATTRIBUTE],
  sortableAttributes: ["date", "title", "position"],
  // Meilisearch's rules, then newest first: papers equally relevant would otherwise come in
  // the order they were indexed, which a reindex (or another database) changes.
  rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness", "date:desc", "position:asc"],
  typoTolerance: { enabled: true },
  stopWords: MEILI_STOP_WORDS,
  synonyms: SYNONYMS,
  pagination: { maxTotalHits: MAX_TOTAL_HITS },
  faceting: { maxValuesPerFacet: 500 },
  // Vectors are computed by Paperdex (lib/embeddings) and sent with each document.
  embedders: { [EMBEDDER]: { source: "userProvided", dimensions: DIMENSIONS } },
};

/** The shape of a paper in the Meilisearch index. Built from the database only (lib/indexing/document.ts); read by searches. */
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
  /** When the ingest first stored the paper, in ms since 1970: the `since` filter. */
  firstSeenAt: number;
  /** Hash of the rest of the document: lets `npm run check` spot drift without comparing everything. */
  hash?: string;
  /** The paper's text vector (lib/embeddings), for similar papers and hybrid search. */
  _vectors: Record<string, number[] | null>;
}
