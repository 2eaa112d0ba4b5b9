import { searchHref, type SearchState } from "@/lib/search/url";

const FORMATS = [
  { path: "/search/feed.xml", label: "Atom feed" },
  { path: "/search/export.json", label: "JSON" },
  { path: "/search/export.csv", label: "CSV" },
  { path: "/search/export.bib", label: "BibTeX" },
];

/** The same search as a feed and as downloads (all pages, up to 1,000 papers). `label` names it where several are shown. */
export function ExportLinks({ state, label = "Feed and exports" }: { state: SearchState; label?: string }) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-3 text-xs text-stone-500">
      <span>This search as:</span>
      {FORMATS.map((f) => (
        <a key={f.path} href={searchHref(state, { page: 1 }, f.path)} className="underline hover:text-accent-600">
          {f.label}
        </a>
      ))}
    </nav>
  );
}
