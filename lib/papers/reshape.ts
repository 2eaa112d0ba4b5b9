import type { Prisma } from "@/prisma/generated/client/client";
import { parseStoredEvidence } from "../topics/evidence";
import type { ExportPaper } from "../export/types";
import type { PaperForIndex } from "../indexing/document";
import type { DigestInfo, DigestSummary, Evidence, PaperDetail, PaperSummary, RelatedCandidate, TopicWithCount } from "./types";

// Raw rows become the app's types here and nowhere else.

export const summaryInclude = {
  topics: { include: { topic: true }, orderBy: [{ score: "desc" }, { topicSlug: "asc" }] },
  appearances: { include: { digest: true }, orderBy: [{ digest: { sortKey: "desc" } }, { digestId: "asc" }] },
} satisfies Prisma.PaperInclude;

export const detailInclude = {
  ...summaryInclude,
  overrides: { include: { topic: true }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.PaperInclude;

/** What the index needs of a paper: its topics' names and the digests it appeared in. */
export const indexInclude = {
  topics: { include: { topic: true }, orderBy: [{ score: "desc" }, { topicSlug: "asc" }] },
  appearances: { select: { digestId: true } },
} satisfies Prisma.PaperInclude;

export const relatedCandidateSelect = {
  slug: true,
  title: true,
  abstract: true,
  topics: { select: { topicSlug: true } },
} satisfies Prisma.PaperSelect;

type PaperRow = Prisma.PaperGetPayload<{ include: typeof summaryInclude }>;
type PaperDetailRow = Prisma.PaperGetPayload<{ include: typeof detailInclude }>;
type PaperIndexRow = Prisma.PaperGetPayload<{ include: typeof indexInclude }>;
type RelatedCandidateRow = Prisma.PaperGetPayload<{ select: typeof relatedCandidateSelect }>;
type DigestRow = Prisma.DigestGetPayload<object>;
type TopicRow = Prisma.TopicGetPayload<object>;

export function toPaperSummary(row: PaperRow): PaperSummary {
  return {
    slug: row.slug,
    title: row.title,
    abstract: row.abstract,
    codeUrl: row.codeUrl,
    topics: row.topics.map((t) => ({ slug: t.topic.slug, name: t.topic.name })),
    digests: row.appearances.map((a) => ({
      id: a.digest.id,
      fileName: a.digest.fileName,
      label: a.digest.label,
      publishedOn: a.digest.publishedOn?.toISOString().slice(0, 10) ?? null,
      position: a.position,
    })),
    firstSeenAt: row.firstSeenAt.toISOString(),
  };
}

export function toPaperDetail(row: PaperDetailRow): PaperDetail {
  return {
    ...toPaperSummary(row),
    topics: row.topics.map((t) => ({
      slug: t.topic.slug,
      name: t.topic.name,
      score: t.score,
      evidence: toEvidence(t),
      source: t.source === "manual" ? "manual" : "rule",
    })),
    removedTopics: row.overrides.filter((o) => o.action === "remove").map((o) => ({ slug: o.topic.slug, name: o.topic.name })),
  };
}

/** A paper–topic row's evidence, parsed (and checked) here once for every page that shows it. */
export function toEvidence(row: { evidence: string }): Evidence[] {
  return parseStoredEvidence(row.evidence);
}

/** A paper as the search index stores it, with the text vector computed by the caller. */
export function toPaperForIndex(row: PaperIndexRow, vector: number[] | null): PaperForIndex {
  return {
    slug: row.slug,
    title: row.title,
    abstract: row.abstract,
    codeUrl: row.codeUrl,
    sortKey: row.sortKey,
    sortPosition: row.sortPosition,
    firstSeenAt: row.firstSeenAt,
    topics: row.topics.map((t) => ({ slug: t.topic.slug, name: t.topic.name })),
    digestIds: row.appearances.map((a) => a.digestId),
    vector,
  };
}

export function toExportPaper(row: PaperRow): ExportPaper {
  const summary = toPaperSummary(row);
  return { ...summary, topics: summary.topics.map((t) => t.slug) };
}

export function toRelatedCandidate(row: RelatedCandidateRow): RelatedCandidate {
  return { slug: row.slug, title: row.title, abstract: row.abstract, topicSlugs: row.topics.map((t) => t.topicSlug) };
}

export function toDigestInfo(row: DigestRow, newPapers: number): DigestInfo {
  return {
    id: row.id,
    fileName: row.fileName,
    label: row.label,
    publishedOn: row.publishedOn?.toISOString().slice(0, 10) ?? null,
    ingestedAt: row.ingestedAt.toISOString(),
    entryCount: row.entryCount,
    newPapers,
  };
}

export function toDigestSummary(row: DigestRow): DigestSummary {
  return {
    id: row.id,
    fileName: row.fileName,
    label: row.label,
    publishedOn: row.publishedOn?.toISOString().slice(0, 10) ?? null,
    entryCount: row.entryCount,
  };
}

export function toTopicWithCount(row: TopicRow): TopicWithCount {
  return { slug: row.slug, name: row.name, description: row.description, count: row.paperCount };
}
