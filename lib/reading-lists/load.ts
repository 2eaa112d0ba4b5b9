import "server-only";
import { db, parameterChunks } from "../db";
import { summaryInclude, toExportPaper, toPaperSummary } from "../papers/reshape";
import type { ExportPaper } from "../export/types";
import type { PaperSummary } from "../papers/types";

export type ListedPaper =
  { slug: string; paper: PaperSummary; exported: ExportPaper } | { slug: string; paper: null; exported: null };

/** The papers of a list in its order; a slug no paper has any more comes back with `paper: null`. */
export async function loadListPapers(slugs: string[]): Promise<ListedPaper[]> {
  const rows = [];
  for (const chunk of parameterChunks(slugs)) {
    rows.push(...(await db().paper.findMany({ where: { slug: { in: chunk } }, include: summaryInclude })));
  }
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  return slugs.map((slug): ListedPaper => {
    const row = bySlug.get(slug);
    return row ? { slug, paper: toPaperSummary(row), exported: toExportPaper(row) } : { slug, paper: null, exported: null };
  });
}
