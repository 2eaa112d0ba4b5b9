import type { FederatedMultiSearchParams, Hit, MultiSearchQuery, SearchResponse } from "meilisearch";
import { env } from "../env";
import { indexName, searchClient } from "../meilisearch/client";
import type { PaperDocument } from "./settings";
import { buildFilter, type FacetSelection } from "./filters";
import { segmentsToText, toSegments, type TextSegment } from "./highlight";
import { selectionOf, type SearchParams } from "./params";
import { terms } from "../embeddings/terms";
import { parseQuery } from "./query-syntax";
import { relaxedQueries, wantedTerms, type RelaxedQuery } from "./relaxation";
import { rerank } from "./rerank";
import { cropAroundTerms, markTerms } from "./term-highlight";
import { typoVariants } from "./typos";
import { CROP_MARKER, FACETS, HIGHLIGHT_POST, HIGHLIGHT_PRE, MAX_TOTAL_HITS, SORTS, type FacetParam } from "./settings";

export interface SearchHit {
  slug: string;
  title: string;
  topics: string[];
  codeUrl: string | null;
  digests: string[];
  /** When the paper first arrived (ISO 8601), for "new since your last visit". */
  firstSeenAt: string;
  /** Abstract excerpt around the matches, as plain text. */
  snippet: string;
  titleSegments: TextSegment[];
  snippetSegments: TextSegment[];
}

export interface FacetCounts {
  topic: Record<string, number>;
  digest: Record<string, number>;
  hasCode: { true: number; false: number };
}

export interface SearchResult {
  query: string;
  /**
   * Words some results may lack, rarest first: the query's best hits each missed a word, so it
   * was also searched without these (lib/search/relaxation.ts). Empty for a plain search.
   */
  dropped: string[];
  page: number;
  perPage: number;
  total: number;
  totalPages: number;
  hits: SearchHit[];
  facets: FacetCounts;
  processingTimeMs: number;
}

const SNIPPET_WORDS = 36;
/**
 * When not every word matches, drop the most common words first (not the last ones, as the
 * default does): a paraphrase's rare words are the ones that identify a paper.
 */
const MATCHING_STRATEGY = "frequency" as const;
/** Queries with fewer wanted terms than this are keywords: Meilisearch's order stands. */
const MIN_DESCRIBED_TERMS = 3;
/** A query is relaxed when none of its best this-many hits contains every wanted term. */
const BEST_HITS = 3;
/** How many of a relaxed search's first candidates are re-ranked by their terms. */
const RERANKED = 200;

/** Highlighting and cropping, the same for every query that returns hits to show. */
const FORMATTING = {
  attributesToHighlight: ["title", "abstract"],
  attributesToCrop: ["abstract"],
  cropLength: SNIPPET_WORDS,
  cropMarker: CROP_MARKER,
  highlightPreTag: HIGHLIGHT_PRE,
  highlightPostTag: HIGHLIGHT_POST,
} satisfies Partial<MultiSearchQuery>;

const SHOWN_ATTRIBUTES = ["slug", "title", "topics", "codeUrl", "digests", "firstSeenAt"];

/** `withAbstract`: the full abstracts too (else only their cropped excerpts), to judge coverage. */
function mainQuery(params: SearchParams, selection: FacetSelection, withAbstract: boolean): MultiSearchQuery {
  return {
    indexUid: indexName(),
    q: params.q,
    matchingStrategy: MATCHING_STRATEGY,
    filter: buildFilter(selection),
    // With no query there is no relevance to rank by: browse newest first unless asked otherwise.
    sort: [...SORTS[params.q === "" && params.sort === "relevance" ? "newest" : params.sort]],
    page: params.page,
    hitsPerPage: params.perPage,
    facets: Object.values(FACETS),
    attributesToRetrieve: [...SHOWN_ATTRIBUTES, ...(withAbstract ? ["abstract"] : [])],
    ...FORMATTING,
  };
}

/** The facets that have a selection: each needs its counts without its own selection. */
function selectedFacets(selection: FacetSelection): FacetParam[] {
  return (Object.keys(FACETS) as FacetParam[]).filter((param) =>
    param === "hasCode" ? selection.hasCode !== undefined : selection[param].length > 0,
  );
}

/**
 * Disjunctive faceting: values within a facet are OR-ed, so a facet's counts must ignore its
 * own selection (else picking one topic would hide the others' counts). One extra query per
 * facet that has a selection, all in one multi-search round trip.
 */
function facetQueries(params: SearchParams, selection: FacetSelection): { param: FacetParam; query: MultiSearchQuery }[] {
  return selectedFacets(selection).map((param) => ({
    param,
    query: {
      indexUid: indexName(),
      q: params.q,
      matchingStrategy: MATCHING_STRATEGY,
      filter: buildFilter(selection, param),
      facets: [FACETS[param]],
      limit: 0,
    },
  }));
}

/**
 * Searches in one or two steps. Most queries are served by Meilisearch's own ranking. A query
 * that describes a paper (three or more wanted terms) and whose best hits each lack one of
 * them is searched again with its relaxations (lib/search/relaxation.ts), and the first
 * candidates are re-ranked by the terms they share with it (lib/search/rerank.ts).
 * Other orders (newest, title) list the query's own matches, never relaxed.
 */
export async function searchPapers(
  params: SearchParams,
  { relaxedBudgetMs = env().RELAXED_SEARCH_BUDGET_MS }: { relaxedBudgetMs?: number } = {},
): Promise<SearchResult> {
  const parsed = parseQuery(params.q);
  const wanted = wantedTerms(parsed);
  const describes = params.sort === "relevance" && params.q !== "" && wanted.size >= MIN_DESCRIBED_TERMS;
  const relaxations = describes ? relaxedQueries(parsed) : [];
  const first = await searchOnce(params, relaxations.length > 0 ? wanted : null);
  if (relaxations.length === 0 || first.coverage >= wanted.size) return { ...first.result, dropped: [] };
  // The second stage has a time budget of its own: a Meilisearch busy with many long queries
  // answers the plain search instead of timing out into the (much slower) database fallback.
  const budget = AbortSignal.timeout(relaxedBudgetMs);
  try {
    const relaxed = await relaxedSearch(params, relaxations, wanted, budget);
    return { ...relaxed, processingTimeMs: first.result.processingTimeMs + relaxed.processingTimeMs };
  } catch (error) {
    if (!budget.aborted) throw error;
    console.warn(`[search] relaxed search over its ${relaxedBudgetMs} ms budget: served the plain search`);
    return { ...first.result, dropped: [] };
  }
}

interface SearchOnce {
  result: Omit<SearchResult, "dropped">;
  /** How many of the wanted terms the best hits contain (0 when not judged). */
  coverage: number;
}

async function searchOnce(params: SearchParams, wanted: Set<string> | null): Promise<SearchOnce> {
  const selection = selectionOf(params);
  const extra = facetQueries(params, selection);
  // Whether to relax is judged on the query's best hits without filters, so that every page,
  // page size and facet selection of one query agrees. They are page 1's first hits when
  // nothing is selected; otherwise a small probe in the same round trip finds them.
  const fromPage = params.page === 1 && params.perPage >= BEST_HITS && extra.length === 0;
  const probe: MultiSearchQuery[] =
    wanted && !fromPage
      ? [
          {
            indexUid: indexName(),
            q: params.q,
            matchingStrategy: MATCHING_STRATEGY,
            limit: BEST_HITS,
            attributesToRetrieve: ["title", "abstract"],
          },
        ]
      : [];
  const { results } = await searchClient().multiSearch<{ queries: MultiSearchQuery[] }, PaperDocument>({
    queries: [mainQuery(params, selection, wanted !== null && fromPage), ...extra.map((e) => e.query), ...probe],
  });
  const main = results[0] as SearchResponse<PaperDocument>;
  const distribution = { ...main.facetDistribution };
  extra.forEach(({ param }, i) => {
    const attribute = FACETS[param];
    distribution[attribute] = results[i + 1]?.facetDistribution?.[attribute] ?? {};
  });
  const total = main.totalHits ?? main.estimatedTotalHits ?? 0;
  const result = {
    query: params.q,
    page: params.page,
    perPage: params.perPage,
    total,
    totalPages: main.totalPages ?? Math.ceil(total / params.perPage),
    hits: main.hits.map(toSearchHit),
    facets: toFacetCounts(distribution),
    processingTimeMs: main.processingTimeMs,
  };
  if (!wanted) return { result, coverage: 0 };
  const best = fromPage ? main.hits.slice(0, BEST_HITS) : (results[1 + extra.length]?.hits ?? []);
  return { result, coverage: coverage(wanted, best) };
}

/**
 * The query and its relaxations as one federated search: Meilisearch merges their hits by
 * weighted ranking score and counts the union for totals and facets, so both keep meaning
 * "papers this search matches" (Meilisearch 1.21 estimates a federated total; it does not
 * page federations exhaustively). The first RERANKED hits are re-ranked by their terms; the
 * rest keep Meilisearch's order. Re-ranking reorders matches, it never adds one.
 */
async function relaxedSearch(
  params: SearchParams,
  relaxations: RelaxedQuery[],
  wanted: Set<string>,
  signal: AbortSignal,
): Promise<SearchResult> {
  const selection = selectionOf(params);
  const federated = (filter: ReturnType<typeof buildFilter>, facets: string[], offset: number, limit: number) =>
    searchClient().multiSearch<FederatedMultiSearchParams, PaperDocument>(
      {
        federation: { offset, limit, facetsByIndex: { [indexName()]: facets } },
        queries: [{ q: params.q, matchingStrategy: MATCHING_STRATEGY, weight: 1 }, ...relaxations].map((query) => ({
          indexUid: indexName(),
          q: query.q,
          matchingStrategy: query.matchingStrategy,
          filter,
          federationOptions: { weight: query.weight },
          // Highlights are made here, from the query's terms: hits come from several queries.
          attributesToRetrieve: limit > 0 ? [...SHOWN_ATTRIBUTES, "abstract"] : ["slug"],
        })),
      },
      { signal },
    );
  const filter = buildFilter(selection);
  const page = pageWindow(params.page, params.perPage, RERANKED, MAX_TOTAL_HITS);
  const selected = selectedFacets(selection);
  // The re-ranked head when the page reaches into it, the rest of the page in Meilisearch's order.
  const [head, tail, ...extra] = await Promise.all([
    federated(filter, Object.values(FACETS), 0, page.head ? RERANKED : 0),
    page.tail ? federated(filter, [], page.tail.offset, page.tail.limit) : null,
    ...selected.map((param) => federated(buildFilter(selection, param), [FACETS[param]], 0, 0)),
  ]);
  const distribution = { ...head.facetsByIndex?.[indexName()]?.distribution };
  selected.forEach((param, i) => {
    const attribute = FACETS[param];
    distribution[attribute] = extra[i]?.facetsByIndex?.[indexName()]?.distribution?.[attribute] ?? {};
  });
  const reranked = page.head
    ? rerank(
        wanted,
        head.hits.map((hit) => ({
          hit,
          title: hit.title,
          abstract: hit.abstract,
          searchScore: hit._federation?.weightedRankingScore ?? 0,
        })),
      )
        .slice(page.head.start, page.head.end)
        .map((c) => c.hit)
    : [];
  const total = head.estimatedTotalHits ?? 0;
  return {
    query: params.q,
    dropped: droppedWords(relaxations),
    page: params.page,
    perPage: params.perPage,
    total,
    totalPages: Math.ceil(Math.min(total, MAX_TOTAL_HITS) / params.perPage),
    hits: [...reranked, ...(tail?.hits ?? [])].map((hit) =>
      toSearchHit({
        ...hit,
        _formatted: { title: markTerms(hit.title, wanted), abstract: cropAroundTerms(hit.abstract, wanted, SNIPPET_WORDS) },
      }),
    ),
    facets: toFacetCounts(distribution),
    processingTimeMs: Math.max(head.processingTimeMs, tail?.processingTimeMs ?? 0),
  };
}

/** The words some results of a relaxed search lack, rarest first: those its ladder leaves out. */
function droppedWords(relaxations: RelaxedQuery[]): string[] {
  return relaxations.filter((r) => r.matchingStrategy === "frequency").at(-1)?.leftOut ?? [];
}

/**
 * Which part of a page falls in the re-ranked head (positions [start, end) of it) and which
 * after it (offset and limit in Meilisearch's merged order), never past `maxTotal`.
 */
export function pageWindow(page: number, perPage: number, headSize: number, maxTotal: number) {
  const start = Math.min((page - 1) * perPage, maxTotal);
  const end = Math.min(page * perPage, maxTotal);
  return {
    head: start < headSize ? { start, end: Math.min(end, headSize) } : null,
    tail: end > Math.max(start, headSize) ? { offset: Math.max(start, headSize), limit: end - Math.max(start, headSize) } : null,
  };
}

/** The most of the wanted terms (stemmed; a typo of one counts, as in Meilisearch) that one of the hits contains. */
function coverage(wanted: Set<string>, hits: Hit<PaperDocument>[]): number {
  let best = 0;
  for (const hit of hits) {
    const present = new Set(terms(`${hit.title} ${hit.abstract}`));
    const vocabulary = [...present];
    best = Math.max(best, [...wanted].filter((t) => present.has(t) || typoVariants(t, vocabulary).length > 0).length);
  }
  return best;
}

function toSearchHit(hit: Hit<PaperDocument>): SearchHit {
  const formatted = hit._formatted ?? {};
  const titleSegments = toSegments(String(formatted.title ?? hit.title));
  const snippetSegments = toSegments(String(formatted.abstract ?? hit.abstract ?? ""));
  return {
    slug: hit.slug,
    title: hit.title,
    topics: hit.topics ?? [],
    codeUrl: hit.codeUrl ?? null,
    digests: hit.digests ?? [],
    firstSeenAt: new Date(hit.firstSeenAt).toISOString(),
    snippet: segmentsToText(snippetSegments),
    titleSegments,
    snippetSegments,
  };
}

/**
 * The distributions are fresh from the response, so they are used as they are: copying the
 * digest counts (hundreds of keys at 75k papers) cost a third of a millisecond per search.
 */
function toFacetCounts(distribution: Record<string, Record<string, number>>): FacetCounts {
  const hasCode = distribution[FACETS.hasCode] ?? {};
  return {
    topic: distribution[FACETS.topic] ?? {},
    digest: distribution[FACETS.digest] ?? {},
    hasCode: { true: hasCode.true ?? 0, false: hasCode.false ?? 0 },
  };
}
