import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pagination } from "@/components/pagination";
import { BackLink } from "@/components/back-link";
import { PaperList } from "@/components/paper-list";
import { getTopic, listPapers } from "@/lib/papers/queries";
import { pageParamsSchema, type RawParams } from "@/lib/search/params";

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
  const papers = await listPapers(page, perPage, slug);

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
