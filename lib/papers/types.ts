import type { Evidence } from "../topics/evidence";

/** The app's own shapes for papers, topics and digests: pages never see Prisma rows. */

export interface TopicRef {
  slug: string;
  name: string;
}

export interface DigestRef {
  id: string;
  fileName: string;
  label: string | null;
  publishedOn: string | null;
  position: number;
}

export interface PaperSummary {
  slug: string;
  title: string;
  abstract: string;
  codeUrl: string | null;
  topics: TopicRef[];
  digests: DigestRef[];
  /** When the paper was first stored by an ingest (ISO 8601). */
  firstSeenAt: string;
}

export type { Evidence };

export interface PaperTopicDetail extends TopicRef {
  score: number;
  evidence: Evidence[];
  /** "manual" when an editor added the topic. */
  source: "rule" | "manual";
}

export interface PaperDetail extends Omit<PaperSummary, "topics"> {
  topics: PaperTopicDetail[];
  /** Topics an editor removed from the paper (undoable). */
  removedTopics: TopicRef[];
}

/** A digest with what its pages show: where it sits in time and how many papers it brought. */
export interface DigestInfo {
  id: string;
  fileName: string;
  label: string | null;
  publishedOn: string | null;
  ingestedAt: string;
  entryCount: number;
  /** Papers whose first appearance is this digest. */
  newPapers: number;
}

/** A digest as a facet value (search filters, related lists). */
export interface DigestSummary {
  id: string;
  fileName: string;
  label: string | null;
  publishedOn: string | null;
  entryCount: number;
}

/** A paper as the related-papers fallback compares it with others. */
export interface RelatedCandidate {
  slug: string;
  title: string;
  abstract: string;
  topicSlugs: string[];
}

export interface TopicWithCount {
  slug: string;
  name: string;
  description: string;
  count: number;
}

export interface Page<T> {
  total: number;
  page: number;
  perPage: number;
  totalPages: number;
  items: T[];
}
