import Link from "next/link";
import { Notice } from "@/components/notice";
import { Pagination } from "@/components/pagination";
import { PaperList } from "@/components/paper-list";
import { listDigests, listPapers, listTopics } from "@/lib/papers/queries";
import { describeIssue, pageParamsSchema, type RawParams } from "@/lib/api/params";
import { hidesSeen, withHideSeen } from "@/lib/reading-lists/hide-seen";

export const dynamic = "force-dynamic";

export default async function BrowsePage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const raw = await searchParams;
  const parsed = pageParamsSchema.safeParse(raw);
  const { page, perPage } = parsed.success ? parsed.data : { page: 1, perPage: 20 };
  const hideSeen = hidesSeen(raw);
  const hrefFor = (p: number) => withHideSeen(p > 1 ? `/?page=${p}` : "/", hideSeen);
  const [papers, topics, digests] = await Promise.all([listPapers(page, perPage), listTopics(), listDigests()]);

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_16rem]">
      <section aria-labelledby="browse-heading">
        <div className="mb-5">
          <h1 id="browse-heading" className="text-2xl font-semibold tracking-tight">
            Recent papers
          </h1>
          <p className="mt-1 text-sm text-stone-500">
            {papers.total} papers from {digests.length} digests, newest digest first.
          </p>
        </div>
        {!parsed.success && (
          <div className="mb-4">
            <Notice tone="warning" title="Some of the address was not understood">
              {`"${describeIssue(parsed.error).param}": ${describeIssue(parsed.error).message}. Showing the first page.`}
            </Notice>
          </div>
        )}
        {papers.total === 0 ? (
          <Notice title="No papers yet">
            Run <code>npm run ingest</code> to load the digest files in <code>seeds/</code>.
          </Notice>
        ) : papers.items.length === 0 ? (
          <Notice title={`There is no page ${page}`}>
            The list has {papers.totalPages} pages.{" "}
            <Link href="/" className="underline">
              Go to the first page
            </Link>
            .
          </Notice>
        ) : (
          <PaperList
            papers={papers.items}
            markNew
            hideSeen={{ on: hideSeen, toggleHref: withHideSeen(hrefFor(papers.page), !hideSeen) }}
          />
        )}
        <Pagination page={papers.page} totalPages={papers.totalPages} hrefFor={hrefFor} />
      </section>
      <aside aria-labelledby="topics-heading" className="lg:sticky lg:top-6 lg:self-start">
        <h2 id="topics-heading" className="mb-3 text-sm font-semibold tracking-wide text-stone-500 uppercase">
          Topics
        </h2>
        <ul className="space-y-1 text-sm">
          {topics.map((topic) => (
            <li key={topic.slug}>
              <Link
                href={`/topics/${topic.slug}`}
                className="flex justify-between rounded px-2 py-1 hover:bg-stone-100 dark:hover:bg-stone-900"
              >
                <span>{topic.name}</span>
                <span className="text-stone-500 tabular-nums">{topic.count}</span>
              </Link>
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}
