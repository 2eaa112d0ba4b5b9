/** A paper's place in "newest first": its newest digest, and its position in that digest. */
export function newestAppearance(appearances: { sortKey: number; position: number }[]): {
  sortKey: number;
  position: number;
} {
  let best = { sortKey: 0, position: 0 };
  for (const a of appearances) {
    if (best.position === 0 || a.sortKey > best.sortKey || (a.sortKey === best.sortKey && a.position < best.position)) {
      best = { sortKey: a.sortKey, position: a.position };
    }
  }
  return best;
}

/** The one ordering of papers everywhere the database lists them: newest digest first. */
export const PAPER_ORDER = [{ sortKey: "desc" }, { sortPosition: "asc" }, { slug: "asc" }] as const;
