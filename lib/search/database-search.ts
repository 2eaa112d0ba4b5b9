import "server-only";
import type { Prisma } from "@/prisma/generated/client/client";
import { db, usesPostgres } from "../db";
import { highlightEvidence } from "../topics/highlight-evidence";
import type { SearchParams } from "./params";
import type { FacetCounts, SearchHit, SearchResult } from "./search";
import { PAPER_ORDER } from "../papers/order";

// The search used while Meilisearch is down: every word must appear in the title or the
// abstract (a plain substring match the database does itself), ranked by where the words
// appear. No typo tolerance, synonyms or disjunctive counts, but results instead of an error.

const CANDIDATES = 500;
const SNIPPET_CHARS = 240;

function words(q: string): string[] {
  return [...new Set(q.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? [])].slice(0, 12);
}

/**
 * A case-insensitive substring filter. SQLite's LIKE ignores ASCII case by itself; PostgreSQL
 * needs `mode: "insensitive"` (ILIKE), which the SQLite client's types do not know.
 */
function containing(word: string): Prisma.StringFilter {
  return (usesPostgres() ? { contains: word, mode: "insensitive" } : { contains: word }) as Prisma.StringFilter;
}

function whereOf(params: SearchParams, exceptTopic = false): Prisma.PaperWhereInput {
  const and: Prisma.PaperWhereInput[] = words(params.q).map((word) => ({
    OR: [{ title: containing(word) }, { abstract: containing(word) }],
  }));
  if (!exceptTopic && params.topic.length) and.push({ topics: { some: { topicSlug: { in: params.topic } } } });
  if (params.digest.length) and.push({ appearances: { some: { digestId: { in: params.digest } } } });
  if (params.hasCode !== undefined) and.push({ codeUrl: params.hasCode ? { not: null } : null });
  return { AND: and };
}

function snippet(abstract: string, terms: string[]): string {
  const lower = abstract.toLowerCase();
  const first = Math.min(...terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0), abstract.length);
  const start = first > 80 && first < abstract.length ? first - 80 : 0;
  const text = abstract.slice(start, start + SNIPPET_CHARS);
  return `${start > 0 ? "…" : ""}${text}${start + SNIPPET_CHARS < abstract.length ? "…" : ""}`;
}

export async function databaseSearch(params: SearchParams): Promise<SearchResult> {
  const where = whereOf(params);
  const terms = words(params.q);
  const [total, candidates, topicCounts, digestCounts, withCode] = await Promise.all([
    db().paper.count({ where }),
    db().paper.findMany({
      where,
      orderBy:
        params.sort === "title"
          ? { title: "asc" }
          : params.sort === "oldest"
            ? [{ sortKey: "asc" }, { sortPosition: "asc" }]
            : [...PAPER_ORDER],
      take: CANDIDATES,
      select: {
        slug: true,
        title: true,
        abstract: true,
        codeUrl: true,
        topics: { select: { topicSlug: true } },
        appearances: { select: { digestId: true } },
      },
    }),
    // Topic counts ignore the topic selection, as the main search's do.
    db().paperTopic.groupBy({ by: ["topicSlug"], where: { paper: whereOf(params, true) }, _count: { _all: true } }),
    db().appearance.groupBy({ by: ["digestId"], where: { paper: where }, _count: { _all: true } }),
    db().paper.count({ where: { AND: [where, { codeUrl: { not: null } }] } }),
  ]);
  const score = (title: string, abstract: string) =>
    terms.reduce((n, t) => n + (title.toLowerCase().includes(t) ? 3 : 0) + (abstract.toLowerCase().includes(t) ? 1 : 0), 0);
  const ranked =
    params.sort === "relevance" && terms.length > 0
      ? [...candidates].sort((a, b) => score(b.title, b.abstract) - score(a.title, a.abstract))
      : candidates;
  const pageItems = ranked.slice((params.page - 1) * params.perPage, params.page * params.perPage);
  const hits: SearchHit[] = pageItems.map((p) => {
    const text = snippet(p.abstract, terms);
    return {
      slug: p.slug,
      title: p.title,
      topics: p.topics.map((t) => t.topicSlug),
      codeUrl: p.codeUrl,
      digests: [...new Set(p.appearances.map((a) => a.digestId))],
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
  const shown = Math.min(total, CANDIDATES);
  return {
    query: params.q,
    dropped: [],
    page: params.page,
    perPage: params.perPage,
    total: shown,
    totalPages: Math.max(1, Math.ceil(shown / params.perPage)),
    hits,
    facets,
    processingTimeMs: 0,
  };
}
