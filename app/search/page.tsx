import type { Metadata } from "next";
import { Highlighted } from "@/components/highlighted";
import { Notice } from "@/components/notice";
import { Pagination } from "@/components/pagination";
import { PaperCard } from "@/components/paper-card";
import { SearchPageForm } from "@/components/search/search-page-form";
import { ActiveFilters, type ActiveFilter } from "@/components/search/active-filters";
import { FacetList } from "@/components/search/facet-list";
import { SortLinks } from "@/components/search/sort-links";
import { SearchTips } from "@/components/search/search-tips";
import { digestName } from "@/lib/papers/digest-name";
import { listDigests, listTopics } from "@/lib/papers/queries";
import { searchParamsSchema } from "@/lib/search/params";
import { describeIssue, type RawParams } from "@/lib/api/params";
import { resilientSearch } from "@/lib/search/resilient-search";
import type { SearchResult } from "@/lib/search/search";
import { searchHref, toggle, type SearchState } from "@/lib/search/url";
import { ExportLinks } from "@/components/search/export-links";
import { sinceLabel } from "@/lib/search/since-label";
import { SaveSearch } from "@/components/saved-searches/save-search";
import { defaultSearchName, savedQueryOf } from "@/lib/saved-searches/from-search";
import { SeenItem, SeenPapers } from "@/components/seen/seen-papers";
import { hidesSeen } from "@/lib/reading-lists/hide-seen";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<RawParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const parsed = searchParamsSchema.safeParse(await searchParams);
  const q = parsed.success ? parsed.data.q : "";
  const feed = parsed.success ? searchHref(parsed.data, {}, "/search/feed.xml") : "/search/feed.xml";
  return {
    title: q ? `“${q}”` : "Search",
    robots: { index: false },
    alternates: { types: { "application/atom+xml": [{ url: feed, title: "Atom feed of this search" }] } },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const raw = await searchParams;
  const parsed = searchParamsSchema.safeParse(raw);
  if (!parsed.success) {
    const { param, message } = describeIssue(parsed.error);
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 className="text-2xl font-semibold">Search</h1>
        <Notice tone="warning" title={`The search address has an invalid "${param}"`}>
          {message}. Start a new search below.
        </Notice>
        <SearchPageForm state={{ q: "", topic: [], digest: [], hasCode: undefined, sort: "relevance", page: 1 }} />
      </div>
    );
  }
  const params = parsed.data;
  const state: SearchState = { ...params, hideSeen: hidesSeen(raw) };
  const [topics, digests] = await Promise.all([listTopics(), listDigests()]);
  let result: (SearchResult & { engine: string }) | null = null;
  try {
    result = await resilientSearch(params);
  } catch (error) {
    console.error("[search] failed:", error);
  }

  const topicName = new Map(topics.map((t) => [t.slug, t.name]));
  const digestLabel = new Map(
    digests.map((d) => [d.id, d.publishedOn || d.label ? `${digestName(d, "")} · ${d.fileName}` : d.fileName]),
  );
  const active: ActiveFilter[] = [
    ...params.topic.map((slug) => ({
      key: `topic:${slug}`,
      label: topicName.get(slug) ?? slug,
      removeHref: searchHref(state, { topic: params.topic.filter((t) => t !== slug) }),
    })),
    ...params.digest.map((id) => ({
      key: `digest:${id}`,
      label: `Digest ${digestLabel.get(id) ?? id}`,
      removeHref: searchHref(state, { digest: params.digest.filter((d) => d !== id) }),
    })),
    ...(params.hasCode === undefined
      ? []
      : [
          {
            key: "hasCode",
            label: params.hasCode ? "With code" : "Without code",
            removeHref: searchHref(state, { hasCode: undefined }),
          },
        ]),
    ...(params.since === undefined
      ? []
      : [
          { key: "since", label: `Added since ${sinceLabel(params.since)}`, removeHref: searchHref(state, { since: undefined }) },
        ]),
  ];

  return (
    <div className="grid gap-8 lg:grid-cols-[15rem_1fr]">
      <aside aria-label="Filters" className="order-2 lg:order-1">
        {result && (
          <>
            <FacetList
              title="Topics"
              options={topics
                .map((t) => ({
                  value: t.slug,
                  label: t.name,
                  count: result.facets.topic[t.slug] ?? 0,
                  selected: params.topic.includes(t.slug),
                  href: searchHref(state, { topic: toggle(params.topic, t.slug) }),
                }))
                .filter((o) => o.count > 0 || o.selected)
                .sort((a, b) => b.count - a.count)}
            />
            <FacetList
              title="Code"
              options={(["true", "false"] as const).map((v) => ({
                value: v,
                label: v === "true" ? "With code" : "Without code",
                count: result.facets.hasCode[v],
                selected: params.hasCode === (v === "true"),
                href: searchHref(state, { hasCode: params.hasCode === (v === "true") ? undefined : v === "true" }),
              }))}
            />
            <FacetList
              title="Digests"
              options={digests.map((d) => ({
                value: d.id,
                label: digestLabel.get(d.id) ?? d.id,
                count: result.facets.digest[d.id] ?? 0,
                selected: params.digest.includes(d.id),
                href: searchHref(state, { digest: toggle(params.digest, d.id) }),
              }))}
            />
          </>
        )}
      </aside>
      {/* Which engine answered, for monitors and the load test (the notice says it to people). */}
      <section
        aria-labelledby="results-heading"
        data-search-engine={result?.engine ?? "unavailable"}
        className="order-1 min-w-0 lg:order-2"
      >
        <div className="mb-4">
          <SearchPageForm state={state} />
          <SearchTips />
        </div>
        <ActiveFilters
          filters={active}
          clearHref={searchHref(state, { topic: [], digest: [], hasCode: undefined, since: undefined })}
        />
        {!result ? (
          <Notice tone="warning" title="Search is unavailable right now">
            The search service did not answer. Browsing and paper pages still work; try the search again in a moment.
          </Notice>
        ) : (
          <>
            <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
              <h1 id="results-heading" className="text-lg font-semibold">
                {result.total === 0
                  ? "No papers found"
                  : `${result.total} paper${result.total === 1 ? "" : "s"}${params.q ? ` for “${params.q}”` : ""}`}
              </h1>
              <SortLinks current={params.sort} hrefFor={(sort) => searchHref(state, { sort })} />
            </div>
            <div className="mb-4">
              <SaveSearch
                query={savedQueryOf(state)}
                defaultName={defaultSearchName(state, {
                  topic: (slug) => topicName.get(slug) ?? slug,
                  digest: (id) => digestLabel.get(id) ?? id,
                  since: sinceLabel,
                })}
              />
            </div>
            {result.engine === "database" && (
              <div className="mb-4">
                <Notice
                  tone="warning"
                  title="The search engine is not answering: these results come from a simpler database search."
                >
                  Every word must appear as written (no typo tolerance or synonyms); the newest 500 matches are ranked by where
                  the words appear, and the rest follow newest first. Full search comes back by itself as soon as the engine does.
                </Notice>
              </div>
            )}
            {result.dropped.length > 0 && (
              <p className="mb-3 text-sm text-stone-600 dark:text-stone-300" role="status">
                The best matches each lacked a word of this search, so papers that share only some of its words are included too
                (even without {result.dropped.map((w) => `“${w}”`).join(" or ")}), ranked by the rarer words they share with it.
              </p>
            )}
            {result.total === 0 ? (
              <Notice title="Nothing matches this search">
                <ul className="list-disc pl-5">
                  {active.length > 0 && <li>Remove a filter, or clear them all.</li>}
                  <li>Try fewer or more general words — typos are forgiven, but every word counts.</li>
                  <li>Browse by topic instead, from the Topics page.</li>
                </ul>
              </Notice>
            ) : (
              <form action="/similar" method="get" aria-label="Search results">
                <SeenPapers
                  slugs={result.hits.map((hit) => hit.slug)}
                  markNew
                  hideSeen={{
                    on: !!state.hideSeen,
                    toggleHref: searchHref(state, { hideSeen: !state.hideSeen, page: state.page }),
                  }}
                >
                  <ol className="space-y-4">
                    {result.hits.map((hit) => (
                      <SeenItem key={hit.slug} slug={hit.slug}>
                        <PaperCard
                          slug={hit.slug}
                          title={<Highlighted segments={hit.titleSegments} />}
                          plainTitle={hit.title}
                          excerpt={<Highlighted segments={hit.snippetSegments} />}
                          topics={hit.topics.map((slug) => ({ slug, name: topicName.get(slug) ?? slug }))}
                          codeUrl={hit.codeUrl}
                          selectable
                          firstSeenAt={hit.firstSeenAt}
                        />
                      </SeenItem>
                    ))}
                  </ol>
                </SeenPapers>
                <div className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
                  <button
                    type="submit"
                    className="rounded-lg border border-stone-300 px-3 py-1.5 hover:border-accent-500 dark:border-stone-700"
                  >
                    More like the ticked papers
                  </button>
                  <ExportLinks state={params} />
                </div>
              </form>
            )}
            <Pagination page={result.page} totalPages={result.totalPages} hrefFor={(page) => searchHref(state, { page })} />
          </>
        )}
      </section>
    </div>
  );
}
