import Link from "next/link";
import { SearchForm } from "./search-form";
import { NewPapersLink } from "./seen/new-papers-link";

const NAV = [
  { href: "/", label: "Browse" },
  { href: "/search", label: "Search" },
  { href: "/topics", label: "Topics" },
  { href: "/trends", label: "Trends" },
  { href: "/digests", label: "Digests" },
  { href: "/similar", label: "More like this" },
  { href: "/lists", label: "Lists" },
  { href: "/saved", label: "Saved" },
];

export function SiteHeader() {
  return (
    <header className="border-b border-stone-200 bg-white/80 backdrop-blur dark:border-stone-800 dark:bg-stone-900/80">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <span aria-hidden className="grid size-7 place-items-center rounded-md bg-accent-600 text-sm font-bold text-white">
            P
          </span>
          Paperdex
        </Link>
        <nav aria-label="Main" className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-600 dark:text-stone-300">
          {NAV.map((item) => (
            <Link key={item.href} href={item.href} className="rounded px-1 hover:text-accent-600 dark:hover:text-accent-100">
              {item.label}
            </Link>
          ))}
          <NewPapersLink />
        </nav>
        <div className="ml-auto w-full sm:w-80">
          <SearchForm />
        </div>
      </div>
    </header>
  );
}
