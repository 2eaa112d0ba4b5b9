// Titles are the only identity a digest entry has, so deduplication and URLs derive from them.

/** Dedup key: case, accents, punctuation and spacing differences do not make a new paper. */
export function normalizeTitle(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const SLUG_MAX = 80;

/** URL- and Meilisearch-safe id ([a-z0-9-]) derived from a title; stable for a given title. */
export function slugify(title: string): string {
  const base = normalizeTitle(title)
    .normalize("NFKD")
    .replace(/[^a-z0-9 ]+/g, " ")
    .trim()
    .replace(/\s+/g, "-");
  if (base.length <= SLUG_MAX) return base || "paper";
  const cut = base.slice(0, SLUG_MAX);
  return cut.slice(0, cut.lastIndexOf("-") > 40 ? cut.lastIndexOf("-") : SLUG_MAX);
}

/** Digest id from a file name: the stem restricted to characters every store accepts. */
export function digestIdFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const stem = base.replace(/\.[^.]*$/, "");
  return stem.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "digest";
}
