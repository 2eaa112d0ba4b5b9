import "server-only";
import { db, parameterChunks } from "../db";
import { summaryInclude, toExportPaper } from "../papers/reshape";
import type { SearchParams } from "../search/params";
import { resilientSearch } from "../search/resilient-search";
import type { ExportPaper } from "./types";

/** Exports and feeds carry at most this many results (10 pages of 100). */
export const MAX_EXPORT = 1_000;

/** The results of a search, in order, with their database details, up to `limit`. */
export async function loadResults(params: SearchParams, limit = MAX_EXPORT): Promise<{ total: number; papers: ExportPaper[] }> {
  const slugs: string[] = [];
  let total = 0;
  for (let page = 1; slugs.length < limit; page++) {
    const result = await resilientSearch({ ...params, page, perPage: 100 });
    total = result.total;
    slugs.push(...result.hits.map((h) => h.slug));
    if (page >= result.totalPages || result.hits.length === 0) break;
  }
  const wanted = slugs.slice(0, limit);
  const rows = [];
  for (const chunk of parameterChunks(wanted)) {
    rows.push(...(await db().paper.findMany({ where: { slug: { in: chunk } }, include: summaryInclude })));
  }
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  const papers = wanted.flatMap((slug): ExportPaper[] => {
    const row = bySlug.get(slug);
    if (!row) return [];
    return [toExportPaper(row)];
  });
  return { total, papers };
}
