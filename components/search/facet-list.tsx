import Link from "next/link";

export interface FacetOption {
  value: string;
  label: string;
  count: number;
  selected: boolean;
  href: string;
}

/** One facet group: each value is a link that toggles it, with its count. */
export function FacetList({ title, options }: { title: string; options: FacetOption[] }) {
  if (options.length === 0) return null;
  const headingId = `facet-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={headingId} className="mb-6">
      <h2 id={headingId} className="mb-2 text-xs font-semibold uppercase tracking-wide text-stone-500">
        {title}
      </h2>
      <ul className="space-y-0.5 text-sm">
        {options.map((option) => (
          <li key={option.value}>
            <Link
              href={option.href}
              aria-pressed={option.selected}
              rel="nofollow"
              className={`flex items-center justify-between gap-2 rounded px-2 py-1 ${
                option.selected
                  ? "bg-accent-600 text-white"
                  : option.count === 0
                    ? "text-stone-400 hover:bg-stone-100 dark:hover:bg-stone-900"
                    : "hover:bg-stone-100 dark:hover:bg-stone-900"
              }`}
            >
              <span className="flex items-center gap-2">
                <span aria-hidden className="w-3 text-center">{option.selected ? "✓" : ""}</span>
                {option.label}
              </span>
              <span className="tabular-nums opacity-75">{option.count}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
