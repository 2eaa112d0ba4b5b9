import type { Hit, MultiSearchQuery, SearchResponse } from "meilisearch";
import { indexName, searchClient } from "./client";
import type { PaperDocument } from "./document";
import { buildFilter, type FacetSelection } from "./filters";
import { segmentsToText, toSegments, type TextSegment } from "./highlight";
import { selectionOf, type SearchParams } from "./params";
import { idfTable } from "../embeddings/idf-table";
import { embedText } from "../embeddings/vectors";
import { CROP_MARKER, EMBEDDER, FACETS, HIGHLIGHT_POST, HIGHLIGHT_PRE, SORTS, type FacetParam } from "./settings";

export interface SearchHit {
  slug: string;
  title: string;
  topics: string[];
  codeUrl: string | null;
  digests: string[];
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
const MATCHING_STRATEGY = "frequency";

/**
 * Share of the ranking given to the query's text vector (lib/embeddings) against Meilisearch's
 * keyword ranking. The vector catches paraphrases (other word forms, words missing from the
 * paper); the keywords keep typo tolerance and exact matches first. Tuned with eval:search.
 */
const SEMANTIC_RATIO = 0.4;

/** Hybrid search: the keyword ranking blended with the query's text vector, when it has one. */
function hybrid(q: string): Pick<MultiSearchQuery, "hybrid" | "vector"> {
  if (!q || SEMANTIC_RATIO <= 0) return {};
  const vector = embedText(q, idfTable());
  return vector ? { hybrid: { embedder: EMBEDDER, semanticRatio: SEMANTIC_RATIO }, vector } : {};
}

function mainQuery(params: SearchParams, selection: FacetSelection): MultiSearchQuery {
  return {
    indexUid: indexName(),
    q: params.q,
    ...hybrid(params.q),
    matchingStrategy: MATCHING_STRATEGY,
    filter: buildFilter(selection),
    // With no query there is no relevance to rank by: browse newest first unless asked otherwise.
    sort: [...SORTS[params.q === "" && params.sort === "relevance" ? "newest" : params.sort]],
    page: params.page,
    hitsPerPage: params.perPage,
    facets: Object.values(FACETS),
    attributesToRetrieve: ["slug", "title", "topics", "codeUrl", "digests", "abstract"],
    attributesToHighlight: ["title", "abstract"],
    attributesToCrop: ["abstract"],
    cropLength: SNIPPET_WORDS,
    cropMarker: CROP_MARKER,
    highlightPreTag: HIGHLIGHT_PRE,
    highlightPostTag: HIGHLIGHT_POST,
  };
}

/**
 * Disjunctive faceting: values within a facet are OR-ed, so a facet's counts must ignore its
 * own selection (else picking one topic would hide the others' counts). One extra query per
 * facet that has a selection, all in one multi-search round trip.
 */
function facetQueries(params: SearchParams, selection: FacetSelection): { param: FacetParam; query: MultiSearchQuery }[] {
  const active = (Object.keys(FACETS) as FacetParam[]).filter((param) =>
    param === "hasCode" ? selection.hasCode !== undefined : selection[param].length > 0,
  );
  return active.map((param) => ({
    param,
    query: {
      indexUid: indexName(),
      q: params.q,
      ...hybrid(params.q),
      matchingStrategy: MATCHING_STRATEGY,
      filter: buildFilter(selection, param),
      facets: [FACETS[param]],
      limit: 0,
    },
  }));
}

export async function searchPapers(params: SearchParams): Promise<SearchResult> {
  const selection = selectionOf(params);
  const extra = facetQueries(params, selection);
  const { results } = await searchClient().multiSearch<{ queries: MultiSearchQuery[] }, PaperDocument>({
    queries: [mainQuery(params, selection), ...extra.map((e) => e.query)],
  });
  const main = results[0] as SearchResponse<PaperDocument>;
  const distribution = { ...main.facetDistribution };
  extra.forEach(({ param }, i) => {
    const attribute = FACETS[param];
    distribution[attribute] = results[i + 1]?.facetDistribution?.[attribute] ?? {};
  });
  const total = main.totalHits ?? main.estimatedTotalHits ?? 0;
  return {
    query: params.q,
    page: params.page,
    perPage: params.perPage,
    total,
    totalPages: main.totalPages ?? Math.ceil(total / params.perPage),
    hits: main.hits.map(toSearchHit),
    facets: toFacetCounts(distribution),
    processingTimeMs: main.processingTimeMs,
  };
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
    snippet: segmentsToText(snippetSegments),
    titleSegments,
    snippetSegments,
  };
}

function toFacetCounts(distribution: Record<string, Record<string, number>>): FacetCounts {
  const hasCode = distribution[FACETS.hasCode] ?? {};
  return {
    topic: { ...distribution[FACETS.topic] },
    digest: { ...distribution[FACETS.digest] },
    hasCode: { true: hasCode.true ?? 0, false: hasCode.false ?? 0 },
  };
}
