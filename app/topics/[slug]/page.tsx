import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pagination } from "@/components/pagination";
import { BackLink } from "@/components/back-link";
import { PaperList } from "@/components/paper-list";
import { VolumeChart } from "@/components/topics/volume-chart";
import { getTopic, listPapers } from "@/lib/papers/queries";
import { topicStats } from "@/lib/papers/topic-stats";
import { pageParamsSchema, type RawParams } from "@/lib/api/params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<RawParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const topic = await getTopic((await params).slug);
  if (!topic) notFound();
  return { title: topic.name, description: topic.description };
}

export default async function TopicPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const topic = await getTopic(slug);
  if (!topic) notFound();
  const parsed = pageParamsSchema.safeParse(await searchParams);
  const { page, perPage } = parsed.success ? parsed.data : { page: 1, perPage: 20 };
  const [papers, stats] = await Promise.all([listPapers(page, perPage, slug), topicStats(slug)]);

  return (
    <div className="mx-auto max-w-4xl">
      <BackLink href="/topics">All topics</BackLink>
      <h1 className="text-2xl font-semibold tracking-tight">{topic.name}</h1>
      <p className="mt-1 text-stone-600 dark:text-stone-400">{topic.description}</p>
      <p className="mt-2 text-sm text-stone-500">
        {topic.count} papers ·{" "}
        <Link href={`/search?topic=${slug}`} className="text-accent-600 underline">
          search within this topic
        </Link>
      </p>
      <div className="mt-6 grid gap-6 rounded-xl border border-stone-200 bg-white p-4 md:grid-cols-[auto_minmax(11rem,1fr)_minmax(11rem,1fr)] dark:border-stone-800 dark:bg-stone-900">
        <section aria-labelledby="volume-heading">
          <h2 id="volume-heading" className="mb-2 text-xs font-semibold tracking-wide text-stone-500 uppercase">
            Volume across digests
          </h2>
          <VolumeChart volume={stats.volume} topicName={topic.name} />
        </section>
        <section aria-labelledby="co-heading">
          <h2 id="co-heading" className="mb-2 text-xs font-semibold tracking-wide text-stone-500 uppercase">
            Often together with
          </h2>
          <ul className="space-y-1 text-sm">
            {stats.coTopics.map((co) => (
              <li key={co.slug} className="flex justify-between gap-2">
                <Link href={`/search?topic=${slug}&topic=${co.slug}`} className="hover:text-accent-600">
                  {co.name}
                </Link>
                <span className="text-stone-500 tabular-nums">{co.papers}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="phrases-heading">
          <h2 id="phrases-heading" className="mb-2 text-xs font-semibold tracking-wide text-stone-500 uppercase">
            Characteristic phrases
          </h2>
          <ul className="flex flex-wrap gap-1.5 text-xs">
            {stats.phrases.map((p) => (
              <li key={p.phrase}>
                <Link
                  href={`/search?q=${encodeURIComponent(p.phrase)}&topic=${slug}`}
                  className="inline-block rounded-full border border-stone-200 px-2 py-0.5 hover:border-accent-500 dark:border-stone-700"
                >
                  {p.phrase} <span className="text-stone-500">{p.papers}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <div className="mt-6">
        <PaperList papers={papers.items} />
      </div>
      <Pagination
        page={papers.page}
        totalPages={papers.totalPages}
        hrefFor={(p) => (p > 1 ? `/topics/${slug}?page=${p}` : `/topics/${slug}`)}
      />
    </div>
  );
}
