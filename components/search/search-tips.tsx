import Link from "next/link";

/**
 * What the search box understands (Meilisearch's syntax, checked against the real server in
 * tests/integration/query-syntax.test.ts), each with an example that runs its search. A
 * <details> element, so it opens and closes without JavaScript.
 */
export const SEARCH_TIPS: { example: string; tip: string }[] = [
  { example: '"chain of thought"', tip: "Quotes find a phrase: these words, together, in this order." },
  { example: "reasoning -benchmark", tip: "A minus leaves out papers with that exact word (“benchmarks” stays)." },
  { example: 'reasoning -"large language"', tip: "…or with that phrase." },
  { example: "difusion memorizaton", tip: "Typos are forgiven: one in words of 5 letters or more, two from 9." },
  { example: "diffusion memoriz", tip: "The last word also finds words it begins." },
  { example: "llm", tip: "Acronyms find their spelled-out form and back (LLM, large language model)." },
  { example: '"llm"', tip: "A quoted word is taken as written: no typos, prefixes or acronyms." },
];

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
