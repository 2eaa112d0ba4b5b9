import Link from "next/link";
import type { ReactNode } from "react";
import type { TopicRef } from "@/lib/papers/types";
import { CodeLink } from "./code-link";
import { TopicChips } from "./topic-chip";

interface PaperCardProps {
  slug: string;
  title: ReactNode;
  excerpt: ReactNode;
  topics: TopicRef[];
  codeUrl: string | null;
  meta?: ReactNode;
}

export function PaperCard({ slug, title, excerpt, topics, codeUrl, meta }: PaperCardProps) {
  return (
    <article className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm transition hover:border-stone-300 dark:border-stone-800 dark:bg-stone-900 dark:hover:border-stone-700">
      <h2 className="font-serif text-lg font-semibold leading-snug">
        <Link href={`/papers/${slug}`} className="hover:text-accent-600 dark:hover:text-accent-100">
          {title}
        </Link>
      </h2>
      <p className="mt-2 line-clamp-3 text-sm leading-relaxed text-stone-600 dark:text-stone-300">{excerpt}</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <TopicChips topics={topics} />
        {codeUrl && <CodeLink url={codeUrl} />}
        {meta && <span className="ml-auto text-xs text-stone-500">{meta}</span>}
      </div>
    </article>
  );
}
