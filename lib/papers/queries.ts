import "server-only";
import { cache } from "react";
import { db } from "../db";
import { PAPER_ORDER } from "./order";
import { detailInclude, toPaperDetail, toPaperSummary, summaryInclude } from "./reshape";
import type { Page, PaperDetail, PaperSummary, TopicWithCount } from "./types";

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

export interface RelatedCandidate {
  slug: string;
  title: string;
  abstract: string;
  topicSlugs: string[];
}

/** Papers that share a topic with a paper (the most recent few hundred): related candidates. */
export async function relatedCandidates(slug: string, topicSlugs: string[], take = 400): Promise<RelatedCandidate[]> {
  if (topicSlugs.length === 0) return [];
  const rows = await db().paper.findMany({
    where: { slug: { not: slug }, topics: { some: { topicSlug: { in: topicSlugs } } } },
    select: { slug: true, title: true, abstract: true, topics: { select: { topicSlug: true } } },
    orderBy: [...PAPER_ORDER],
    take,
  });
  return rows.map((row) => ({
    slug: row.slug,
    title: row.title,
    abstract: row.abstract,
    topicSlugs: row.topics.map((t) => t.topicSlug),
  }));
}

/** Every topic with its number of papers (the count the writers keep in Topic.paperCount). */
export const listTopics = cache(async (): Promise<TopicWithCount[]> => {
  const topics = await db().topic.findMany({ orderBy: { rank: "asc" } });
  return topics.map((t) => ({ slug: t.slug, name: t.name, description: t.description, count: t.paperCount }));
});

export const getTopic = cache(async (slug: string): Promise<TopicWithCount | null> => {
  return (await listTopics()).find((t) => t.slug === slug) ?? null;
});

export async function listDigests() {
  const rows = await db().digest.findMany({ orderBy: [{ sortKey: "desc" }, { fileName: "asc" }] });
  return rows.map((d) => ({ id: d.id, fileName: d.fileName, label: d.label, entryCount: d.entryCount }));
}

/** Title and abstract of the given papers, for "more like these". Unknown slugs are skipped. */
export async function papersBySlugs(slugs: string[]) {
  if (slugs.length === 0) return [];
  return db().paper.findMany({ where: { slug: { in: slugs } }, select: { slug: true, title: true, abstract: true } });
}
