import "server-only";
import type { Prisma } from "@/prisma/generated/client/client";
import { db, usesPostgres } from "../db";
import { highlightEvidence } from "../topics/highlight-evidence";
import { MAX_PAGE, sinceTime, type SearchParams } from "./params";
import type { FacetCounts, SearchHit, SearchResult } from "./search";
import { PAPER_ORDER } from "../papers/order";
import { parseQuery } from "./query-syntax";

// The search used while Meilisearch is down: every word must appear in the title or the
// abstract (a plain substring match the database does itself). Meilisearch's syntax holds:
// a "quoted phrase" must appear as written (its words separated by spaces or hyphens), and
// -word or -"a phrase" must not appear, even inside a longer word. No typo tolerance,
// synonyms or disjunctive counts, but results instead of an error.
//
// Ranking by where the words appear is done in memory, so it covers a bounded window: the
// newest RANKED_WINDOW matches, ranked; the matches after them follow newest first, paged by
// the database. The total and the facet counts both count every match, and every page of
// them can be reached.

export const RANKED_WINDOW = 500;
const SNIPPET_CHARS = 240;

/** A query's words (of two letters or more) and phrases, at most 12 of each. */
function termsOf(q: string): { wanted: string[]; excluded: string[] } {
  const { words, phrases, excluded } = parseQuery(q);
  const long = (terms: string[]) => terms.filter((t) => t.length >= 2).slice(0, 12);
  return { wanted: [...long(words), ...phrases.slice(0, 12)], excluded: long(excluded) };
}

/**
 * A case-insensitive substring filter. SQLite's LIKE ignores ASCII case by itself; PostgreSQL
 * needs `mode: "insensitive"` (ILIKE), which the SQLite client's types do not know.
 */
function containing(word: string): Prisma.StringFilter {
  return (usesPostgres() ? { contains: word, mode: "insensitive" } : { contains: word }) as Prisma.StringFilter;
}

/** Papers whose title or abstract contains the word, or the phrase with spaces or hyphens. */
function mentioning(term: string): Prisma.PaperWhereInput {
  const forms = term.includes(" ") ? [term, term.replaceAll(" ", "-")] : [term];
  return { OR: forms.flatMap((form) => [{ title: containing(form) }, { abstract: containing(form) }]) };
}

function whereOf(params: SearchParams, exceptTopic = false): Prisma.PaperWhereInput {
  const { wanted, excluded } = termsOf(params.q);
  const and: Prisma.PaperWhereInput[] = [...wanted.map(mentioning), ...excluded.map((term) => ({ NOT: mentioning(term) }))];
  if (!exceptTopic && params.topic.length) and.push({ topics: { some: { topicSlug: { in: params.topic } } } });
  if (params.digest.length) and.push({ appearances: { some: { digestId: { in: params.digest } } } });
  if (params.hasCode !== undefined) and.push({ codeUrl: params.hasCode ? { not: null } : null });
  if (params.since !== undefined) and.push({ firstSeenAt: { gte: new Date(sinceTime(params.since)) } });
  return { AND: and };
}

function snippet(abstract: string, terms: string[]): string {
  const lower = abstract.toLowerCase();
  const first = Math.min(...terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0), abstract.length);
  const start = first > 80 && first < abstract.length ? first - 80 : 0;
  const text = abstract.slice(start, start + SNIPPET_CHARS);
  return `${start > 0 ? "…" : ""}${text}${start + SNIPPET_CHARS < abstract.length ? "…" : ""}`;
}

const PAPER_FIELDS = {
  slug: true,
  title: true,
  abstract: true,
  codeUrl: true,
  firstSeenAt: true,
  topics: { select: { topicSlug: true } },
  appearances: { select: { digestId: true } },
} as const satisfies Prisma.PaperSelect;

function orderOf(sort: SearchParams["sort"]): Prisma.PaperOrderByWithRelationInput[] {
  // Every order ends on the slug, so that pages cut by the database never overlap.
  if (sort === "title") return [{ title: "asc" }, { slug: "asc" }];
  if (sort === "oldest") return [{ sortKey: "asc" }, { sortPosition: "asc" }, { slug: "asc" }];
  return [...PAPER_ORDER];
}

/** The papers at positions [start, start + count) of the result list. */
async function pageOf(where: Prisma.PaperWhereInput, params: SearchParams, terms: string[]) {
  const start = (params.page - 1) * params.perPage;
  const end = start + params.perPage;
  const find = (skip: number, take: number, orderBy = orderOf(params.sort)) =>
    db().paper.findMany({ where, orderBy, skip, take, select: PAPER_FIELDS });
  if (params.sort !== "relevance" || terms.length === 0) return find(start, params.perPage);

  const score = (p: { title: string; abstract: string }) =>
    terms.reduce((n, t) => n + (p.title.toLowerCase().includes(t) ? 3 : 0) + (p.abstract.toLowerCase().includes(t) ? 1 : 0), 0);
  const [window, after] = await Promise.all([
    start < RANKED_WINDOW ? find(0, RANKED_WINDOW, [...PAPER_ORDER]) : [],
    end > RANKED_WINDOW ? find(Math.max(start, RANKED_WINDOW), end - Math.max(start, RANKED_WINDOW), [...PAPER_ORDER]) : [],
  ]);
  // Array.prototype.sort is stable: equal scores keep the newest-first order.
  const ranked = window.map((p) => ({ p, score: score(p) })).sort((a, b) => b.score - a.score);
  return [...ranked.slice(start, end).map((r) => r.p), ...after];
}

export async function databaseSearch(params: SearchParams): Promise<SearchResult> {
  const where = whereOf(params);
  const terms = termsOf(params.q).wanted;
  const [total, pageItems, topicCounts, digestCounts, withCode] = await Promise.all([
    db().paper.count({ where }),
    pageOf(where, params, terms),
    // Topic counts ignore the topic selection, as the main search's do.
    db().paperTopic.groupBy({ by: ["topicSlug"], where: { paper: whereOf(params, true) }, _count: { _all: true } }),
    db().appearance.groupBy({ by: ["digestId"], where: { paper: where }, _count: { _all: true } }),
    db().paper.count({ where: { AND: [where, { codeUrl: { not: null } }] } }),
  ]);
  const hits: SearchHit[] = pageItems.map((p) => {
    const text = snippet(p.abstract, terms);
    return {
      slug: p.slug,
      title: p.title,
      topics: p.topics.map((t) => t.topicSlug),
      codeUrl: p.codeUrl,
      digests: [...new Set(p.appearances.map((a) => a.digestId))],
      firstSeenAt: p.firstSeenAt.toISOString(),
      snippet: text,
      titleSegments: highlightEvidence(p.title, terms),
      snippetSegments: highlightEvidence(text, terms),
    };
  });
  const facets: FacetCounts = {
    topic: Object.fromEntries(topicCounts.map((c) => [c.topicSlug, c._count._all])),
    digest: Object.fromEntries(digestCounts.map((c) => [c.digestId, c._count._all])),
    hasCode: { true: withCode, false: total - withCode },
  };
  return {
    query: params.q,
    dropped: [],
    page: params.page,
    perPage: params.perPage,
    total,
    // Pages past MAX_PAGE cannot be asked for (as with Meilisearch, whose hits stop at 10,000).
    totalPages: Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / params.perPage))),
    hits,
    facets,
    processingTimeMs: 0,
  };
}
