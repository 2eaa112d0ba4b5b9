import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/notice";
import { SaveButton } from "@/components/reading-lists/save-button";
import { papersBySlugs } from "@/lib/papers/queries";
import { describeIssue, type RawParams } from "@/lib/api/params";
import { moreLikeThese, type SimilarPaper } from "@/lib/search/similar";
import { similarParamsSchema } from "@/lib/search/similar-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "More like this", robots: { index: false } };

export default async function SimilarPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const parsed = similarParamsSchema.safeParse(await searchParams);
  const input = parsed.success ? parsed.data : { paper: [], text: "" };
  const papers = await papersBySlugs(input.paper);
  let hits: SimilarPaper[] | null = null;
  let failed = false;
  if (papers.length > 0 || input.text) {
    try {
      hits = await moreLikeThese({ papers, text: input.text });
    } catch (error) {
      console.error("[similar] failed:", error);
      failed = true;
    }
  }

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">More like this</h1>
        <p className="mt-1 text-sm text-stone-500">
          Paste an abstract, or pick up to five papers (tick them in search results), to find the nearest papers in the knowledge
          base.
        </p>
      </div>
      {!parsed.success && (
        <Notice tone="warning" title={`The address has an invalid "${describeIssue(parsed.error).param}"`}>
          {describeIssue(parsed.error).message}.
        </Notice>
      )}
      <form action="/similar" method="get" className="space-y-3">
        {papers.length > 0 && (
          <fieldset className="rounded-xl border border-stone-200 p-3 text-sm dark:border-stone-800">
            <legend className="px-1 text-xs font-semibold tracking-wide text-stone-500 uppercase">Starting from</legend>
            <ul className="space-y-1">
              {papers.map((p) => (
                <li key={p.slug}>
                  <label className="flex items-start gap-2">
                    <input type="checkbox" name="paper" value={p.slug} defaultChecked className="mt-1" />
                    <span>{p.title}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        <label htmlFor="similar-text" className="block text-sm font-medium">
          Abstract or description
        </label>
        <textarea
          id="similar-text"
          name="text"
          rows={6}
          maxLength={8000}
          defaultValue={input.text}
          placeholder="Paste an abstract here…"
          className="w-full rounded-lg border border-stone-300 bg-white p-3 text-sm dark:border-stone-700 dark:bg-stone-900"
        />
        <button type="submit" className="rounded-lg bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700">
          Find similar papers
        </button>
      </form>

      {failed && <Notice tone="warning" title="The search engine did not answer; try again in a moment." />}
      {hits && hits.length === 0 && <Notice title="Nothing to compare: the text has no words the knowledge base knows." />}
      {hits && hits.length > 0 && (
        <section aria-labelledby="similar-heading">
          <h2 id="similar-heading" className="mb-3 text-lg font-semibold">
            Nearest papers
          </h2>
          <ol className="space-y-2">
            {hits.map((hit) => (
              <li
                key={hit.slug}
                className="flex items-baseline justify-between gap-4 rounded-lg border border-stone-200 bg-white px-4 py-2 dark:border-stone-800 dark:bg-stone-900"
              >
                <Link href={`/papers/${hit.slug}`} className="hover:text-accent-600">
                  {hit.title}
                </Link>
                <span className="flex shrink-0 items-center gap-2">
                  <span className="text-xs text-stone-500 tabular-nums" title="similarity">
                    {Math.round(hit.score * 100)}%
                  </span>
                  <SaveButton slug={hit.slug} title={hit.title} variant="icon" />
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
