import Link from "next/link";
import type { ReactNode } from "react";
import type { TopicRef } from "@/lib/papers/types";
import { CodeLink } from "./code-link";
import { SaveButton } from "./reading-lists/save-button";
import { CardSeenActions } from "./seen/seen-papers";
import { TopicChips } from "./topic-chip";

interface PaperCardProps {
  slug: string;
  title: ReactNode;
  /** The title as text, when `title` is marked up (highlights): names the paper to the save button. */
  plainTitle?: string;
  excerpt: ReactNode;
  topics: TopicRef[];
  codeUrl: string | null;
  meta?: ReactNode;
  /** Adds a checkbox named "paper" (for the "More like these" form around a result list). */
  selectable?: boolean;
  /** When the paper was first stored (ISO 8601): marks it "New" in a list that shows what is new since the last visit. */
  firstSeenAt?: string;
}

export function PaperCard({
  slug,
  title,
  plainTitle,
  excerpt,
  topics,
  codeUrl,
  meta,
  selectable = false,
  firstSeenAt,
}: PaperCardProps) {
  const name = plainTitle ?? (typeof title === "string" ? title : slug);
  return (
    <article className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm transition focus-within:border-accent-500 hover:border-stone-300 dark:border-stone-800 dark:bg-stone-900 dark:hover:border-stone-700">
      <div className="flex items-start gap-3">
        <h2 className="flex-1 font-serif text-lg leading-snug font-semibold">
          <Link href={`/papers/${slug}`} data-result-link className="hover:text-accent-600 dark:hover:text-accent-100">
            {title}
          </Link>
        </h2>
        <CardSeenActions slug={slug} title={name} firstSeenAt={firstSeenAt} />
        <SaveButton slug={slug} title={name} />
        {selectable && (
          <label className="mt-1 flex shrink-0 items-center gap-1 text-xs text-stone-500">
            <input type="checkbox" name="paper" value={slug} />
            <span className="sr-only">Select this paper for “More like these”</span>
            <span aria-hidden>similar</span>
          </label>
        )}
      </div>
      <p className="mt-2 line-clamp-3 text-sm leading-relaxed text-stone-600 dark:text-stone-300">{excerpt}</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <TopicChips topics={topics} />
        {codeUrl && <CodeLink url={codeUrl} />}
        {meta && <span className="ml-auto text-xs text-stone-500">{meta}</span>}
      </div>
    </article>
  );
}
