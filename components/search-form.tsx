/** A plain GET form to /search (the header's): works without JavaScript. */
export function SearchForm({ autoFocus = false }: { autoFocus?: boolean }) {
  return (
    <form action="/search" method="get" role="search" className="flex w-full gap-2">
      <label htmlFor="header-q" className="sr-only">
        Search papers
      </label>
      <input
        id="header-q"
        name="q"
        type="search"
        placeholder="Search titles and abstracts…"
        autoFocus={autoFocus}
        maxLength={500}
        className="w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-stone-400 focus:border-accent-500 focus:outline-none dark:border-stone-700 dark:bg-stone-900"
      />
      <button
        type="submit"
        className="rounded-lg bg-accent-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-accent-700"
      >
        Search
      </button>
    </form>
  );
}
