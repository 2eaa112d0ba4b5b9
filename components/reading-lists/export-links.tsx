import { shareHref } from "@/lib/reading-lists/share-link";

const EXPORTS = [
  { extension: "bib", name: "BibTeX" },
  { extension: "csv", name: "CSV" },
  { extension: "json", name: "JSON" },
];

/** A list's export links (route handlers, not pages: plain links), on the share page and on /lists. */
export function ExportLinks({
  label,
  name,
  slugs,
  className = "",
}: {
  label: string;
  name: string;
  slugs: string[];
  className?: string;
}) {
  return (
    <p className={`flex flex-wrap gap-3 ${className}`}>
      <span className="text-stone-500">{label}</span>
      {EXPORTS.map(({ extension, name: format }) => (
        <a key={extension} className="underline hover:text-accent-600" href={shareHref(name, slugs, `/list/export.${extension}`)}>
          {format}
        </a>
      ))}
    </p>
  );
}
