import Link from "next/link";
import type { PhraseTrend } from "@/lib/trends/rank";

/** Key phrases, each a search for it, with the counts that put it here. */
export function PhraseTrendList({
  id,
  title,
  intro,
  phrases,
  empty,
}: {
  id: string;
  title: string;
  intro: string;
  phrases: PhraseTrend[];
  empty: string;
}) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-lg font-semibold tracking-tight">
        {title}
      </h2>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">{intro}</p>
      {phrases.length === 0 ? (
        <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">{empty}</p>
      ) : (
        <ol className="mt-3 divide-y divide-stone-100 rounded-xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
          {phrases.map((p) => (
            <li key={p.phrase} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-2 text-sm">
              <Link href={p.search} className="font-medium text-accent-700 hover:underline dark:text-accent-100">
                “{p.phrase}”
              </Link>
              <span className="text-stone-600 tabular-nums dark:text-stone-400">{p.explanation}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
