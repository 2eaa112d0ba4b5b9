import Link from "next/link";
import type { TopicRef } from "@/lib/papers/types";

export function TopicChip({ topic, href }: { topic: TopicRef; href?: string }) {
  return (
    <Link
      href={href ?? `/topics/${topic.slug}`}
      className="inline-flex items-center rounded-full border border-accent-100 bg-accent-50 px-2.5 py-0.5 text-xs font-medium text-accent-700 hover:border-accent-500 dark:border-stone-700 dark:bg-stone-800 dark:text-accent-100"
    >
      {topic.name}
    </Link>
  );
}

export function TopicChips({ topics }: { topics: TopicRef[] }) {
  if (topics.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Topics">
      {topics.map((topic) => (
        <li key={topic.slug}>
          <TopicChip topic={topic} />
        </li>
      ))}
    </ul>
  );
}
