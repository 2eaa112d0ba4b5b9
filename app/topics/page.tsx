import type { Metadata } from "next";
import Link from "next/link";
import { listTopics } from "@/lib/papers/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Topics" };

export default async function TopicsPage() {
  const topics = await listTopics();
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">Topics</h1>
      <p className="mt-1 text-sm text-stone-500">Every paper carries one to four of these {topics.length} topics.</p>
      <ul className="mt-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {topics.map((topic) => (
          <li key={topic.slug}>
            <Link
              href={`/topics/${topic.slug}`}
              className="block h-full rounded-xl border border-stone-200 bg-white p-4 shadow-sm hover:border-accent-500 dark:border-stone-800 dark:bg-stone-900"
            >
              <span className="flex items-baseline justify-between gap-2">
                <span className="font-semibold">{topic.name}</span>
                <span className="text-sm whitespace-nowrap text-stone-500 tabular-nums">{topic.count} papers</span>
              </span>
              <span className="mt-1 block text-sm text-stone-600 dark:text-stone-400">{topic.description}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
