import "server-only";
import { cache } from "react";
import { db } from "../db";
import { PAPER_ORDER } from "./order";
import {
  detailInclude,
  relatedCandidateSelect,
  summaryInclude,
  toDigestSummary,
  toPaperDetail,
  toPaperSummary,
  toRelatedCandidate,
  toTopicWithCount,
} from "./reshape";
import type { DigestSummary, Page, PaperDetail, PaperSummary, RelatedCandidate, TopicWithCount } from "./types";

function page<T>(items: T[], total: number, pageNumber: number, perPage: number): Page<T> {
  return { items, total, page: pageNumber, perPage, totalPages: Math.max(1, Math.ceil(total / perPage)) };
}

/** Every paper, newest digest first, one page at a time. */
export async function listPapers(pageNumber: number, perPage: number, topicSlug?: string): Promise<Page<PaperSummary>> {
  const where = topicSlug ? { topics: { some: { topicSlug } } } : {};
  const [rows, total] = await Promise.all([
    db().paper.findMany({
      where,
      orderBy: [...PAPER_ORDER],
      skip: (pageNumber - 1) * perPage,
      take: perPage,
      include: summaryInclude,
    }),
    db().paper.count({ where }),
  ]);
  return page(rows.map(toPaperSummary), total, pageNumber, perPage);
}

/** One paper with the evidence for its topics; cached per request for metadata + page. */
export const getPaper = cache(async (slug: string): Promise<PaperDetail | null> => {
  const row = await db().paper.findUnique({ where: { slug }, include: detailInclude });
  return row ? toPaperDetail(row) : null;
});

/** Papers that share a topic with a paper (the most recent few hundred): related candidates. */
export async function relatedCandidates(slug: string, topicSlugs: string[], take = 400): Promise<RelatedCandidate[]> {
  if (topicSlugs.length === 0) return [];
  const rows = await db().paper.findMany({
    where: { slug: { not: slug }, topics: { some: { topicSlug: { in: topicSlugs } } } },
    select: relatedCandidateSelect,
    orderBy: [...PAPER_ORDER],
    take,
  });
  return rows.map(toRelatedCandidate);
}

/** Every topic with its number of papers (the count the writers keep in Topic.paperCount). */
export const listTopics = cache(async (): Promise<TopicWithCount[]> => {
  const topics = await db().topic.findMany({ orderBy: { rank: "asc" } });
  return topics.map(toTopicWithCount);
});

export const getTopic = cache(async (slug: string): Promise<TopicWithCount | null> => {
  return (await listTopics()).find((t) => t.slug === slug) ?? null;
});

export async function listDigests(): Promise<DigestSummary[]> {
  const rows = await db().digest.findMany({ orderBy: [{ sortKey: "desc" }, { fileName: "asc" }] });
  return rows.map(toDigestSummary);
}

/** Title and abstract of the given papers, for "more like these". Unknown slugs are skipped. */
export async function papersBySlugs(slugs: string[]) {
  if (slugs.length === 0) return [];
  return db().paper.findMany({ where: { slug: { in: slugs } }, select: { slug: true, title: true, abstract: true } });
}
