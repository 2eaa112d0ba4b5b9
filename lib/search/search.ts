import type { Hit, MultiSearchQuery, SearchResponse } from "meilisearch";
import { indexName, searchClient } from "../meilisearch/client";
import type { PaperDocument } from "./settings";
import { buildFilter, type FacetSelection } from "./filters";
import { segmentsToText, toSegments, type TextSegment } from "./highlight";
import { selectionOf, type SearchParams } from "./params";
import { idfTable } from "../embeddings/idf-table";
import { terms } from "../embeddings/terms";
import { CROP_MARKER, FACETS, HIGHLIGHT_POST, HIGHLIGHT_PRE, SORTS, type FacetParam } from "./settings";

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
  /** Query words left out because no paper matched them along with the rest (rarest first). */
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
const MATCHING_STRATEGY = "frequency";

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
    attributesToRetrieve: ["slug", "title", "topics", "codeUrl", "digests", ...(withAbstract ? ["abstract"] : [])],
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
      matchingStrategy: MATCHING_STRATEGY,
      filter: buildFilter(selection, param),
      facets: [FACETS[param]],
      limit: 0,
    },
  }));
}

/**
 * Searches, relaxing the query when one word spoils it. With the "frequency" strategy every
 * keyword result must contain the query's rarest word, so one rare word that the wanted paper
 * lacks ("pick pretraining data that predicts…") hides it. For queries of three or more terms
 * whose best hits miss at least two of them, the query without its rarest word is tried too;
 * when its best hits contain at least two more of the query's terms, that result is shown,
 * and it says which word was dropped. Most queries are served by one search: their best hits
 * cover them well enough that no relaxation could win.
 */
export async function searchPapers(params: SearchParams): Promise<SearchResult> {
  const wanted = new Set(terms(params.q));
  const first = await searchOnce(params, wanted);
  const relaxed = wanted.size >= 3 && first.coverage <= wanted.size - 2 ? dropRarestWord(params.q) : null;
  if (!relaxed) return { ...first.result, dropped: [] };
  const second = await searchOnce({ ...params, q: relaxed.query }, wanted);
  if (second.coverage < first.coverage + 2) return { ...first.result, dropped: [] };
  return { ...second.result, query: params.q, dropped: [relaxed.dropped] };
}

/** The query without its rarest word, judged by the IDF table (unknown words are rarest). */
function dropRarestWord(q: string): { query: string; dropped: string } | null {
  const table = idfTable();
  const words: string[] = q.match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [];
  let rarest = -1;
  let rarestIdf = -Infinity;
  for (const [index, word] of words.entries()) {
    const [term] = terms(word);
    if (!term) continue; // a stop word carries no weight either way
    const idf = table.idf[term] ?? table.unknownIdf;
    if (idf > rarestIdf) [rarest, rarestIdf] = [index, idf];
  }
  if (rarest < 0) return null;
  return { query: words.filter((_, i) => i !== rarest).join(" "), dropped: words[rarest]! };
}

interface SearchOnce {
  result: Omit<SearchResult, "dropped">;
  /** How many of the wanted terms the best keyword hits contain. */
  coverage: number;
}

const BEST_HITS = 3;

async function searchOnce(params: SearchParams, wanted: Set<string>): Promise<SearchOnce> {
  const selection = selectionOf(params);
  const extra = facetQueries(params, selection);
  // The best keyword hits are the first ones of page 1 in relevance order; on other pages or
  // orders a small probe in the same round trip finds them, so every page agrees.
  const ranked = params.page === 1 && params.sort === "relevance";
  const judged = wanted.size >= 3;
  const probe: MultiSearchQuery[] =
    judged && !ranked
      ? [
          {
            indexUid: indexName(),
            q: params.q,
            matchingStrategy: MATCHING_STRATEGY,
            filter: buildFilter(selection),
            limit: BEST_HITS,
            attributesToRetrieve: ["title", "abstract"],
          },
        ]
      : [];
  const { results } = await searchClient().multiSearch<{ queries: MultiSearchQuery[] }, PaperDocument>({
    queries: [mainQuery(params, selection, judged && ranked), ...extra.map((e) => e.query), ...probe],
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
  const best = ranked ? main.hits.slice(0, BEST_HITS) : (results[1 + extra.length]?.hits ?? []);
  return { result, coverage: judged ? coverage(wanted, best) : 0 };
}

/** The most of the wanted terms (stemmed) that one of the hits contains. */
function coverage(wanted: Set<string>, hits: Hit<PaperDocument>[]): number {
  let best = 0;
  for (const hit of hits) {
    const present = new Set(terms(`${hit.title} ${hit.abstract}`));
    best = Math.max(best, [...wanted].filter((t) => present.has(t)).length);
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
