import Link from "next/link";
import { SEARCH_TIPS } from "@/lib/search/query-syntax";

/**
 * The query syntax near the search box, each tip with an example that runs its search. A
 * <details> element, so it opens and closes without JavaScript.
 */
export function SearchTips() {
  return (
    <details className="mt-2 text-sm text-stone-600 dark:text-stone-300">
      <summary className="w-fit cursor-pointer rounded text-stone-500 hover:text-accent-600 dark:text-stone-400 dark:hover:text-accent-100">
        Search tips
      </summary>
      <ul className="mt-2 space-y-1.5 rounded-xl border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900">
        {SEARCH_TIPS.map(({ example, tip }) => (
          <li key={example} className="flex flex-wrap items-baseline gap-x-2">
            <Link
              href={`/search?${new URLSearchParams({ q: example }).toString()}`}
              rel="nofollow"
              className="font-mono text-accent-700 underline hover:text-accent-600 dark:text-accent-100"
            >
              {example}
            </Link>
            <span>{tip}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
