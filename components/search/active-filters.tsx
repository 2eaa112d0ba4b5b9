import Link from "next/link";

export interface ActiveFilter {
  key: string;
  label: string;
  removeHref: string;
}

export function ActiveFilters({ filters, clearHref }: { filters: ActiveFilter[]; clearHref: string }) {
  if (filters.length === 0) return null;
  return (
    <div className="mb-4 flex flex-wrap items-center gap-2 text-sm" aria-label="Active filters">
      {filters.map((filter) => (
        <Link
          key={filter.key}
          href={filter.removeHref}
          className="inline-flex items-center gap-1 rounded-full bg-accent-600 px-3 py-1 text-xs font-medium text-white hover:bg-accent-700"
        >
          {filter.label}
          <span aria-hidden>×</span>
          <span className="sr-only">(remove filter)</span>
        </Link>
      ))}
      <Link href={clearHref} className="text-xs text-stone-500 underline hover:text-accent-600">
        Clear all
      </Link>
    </div>
  );
}
