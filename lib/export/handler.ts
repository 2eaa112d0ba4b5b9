import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { badRequest, serverError } from "../api/respond";
import { searchParamsSchema } from "../search/params";
import { toRawParams } from "../api/params";
import { toAtom } from "./atom";
import { toBibtex } from "./bibtex";
import { toCsv } from "./csv";
import { loadResults } from "./load";

export type ExportFormat = "atom" | "json" | "csv" | "bibtex";

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  atom: "application/atom+xml; charset=utf-8",
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  bibtex: "application/x-bibtex; charset=utf-8",
};

const FILE_NAMES: Record<Exclude<ExportFormat, "atom">, string> = {
  json: "paperdex-results.json",
  csv: "paperdex-results.csv",
  bibtex: "paperdex-results.bib",
};

/** A route handler for the feed or an export of the search its URL describes. */
export function exportHandler(format: ExportFormat) {
  return async function GET(request: NextRequest) {
    const params = request.nextUrl.searchParams;
    const parsed = searchParamsSchema.safeParse(toRawParams(params));
    if (!parsed.success) return badRequest(parsed.error);
    try {
      // A feed shows the newest results; exports keep the search's own order.
      const search =
        format === "atom" && parsed.data.sort === "relevance" ? { ...parsed.data, sort: "newest" as const } : parsed.data;
      const { total, papers } = await loadResults(search, format === "atom" ? 50 : undefined);
      const origin = request.nextUrl.origin;
      const query = params.toString();
      const searchUrl = `${origin}/search${query ? `?${query}` : ""}`;
      let body: string;
      if (format === "atom") {
        body = toAtom(papers, {
          origin,
          searchUrl,
          feedUrl: request.nextUrl.href,
          query: parsed.data.q,
          generatedAt: new Date(),
        });
      } else if (format === "csv") {
        body = toCsv(papers, origin);
      } else if (format === "bibtex") {
        body = toBibtex(papers, origin);
      } else {
        body = JSON.stringify({ query: parsed.data.q, total, exported: papers.length, search: searchUrl, papers }, null, 2);
      }
      const headers: Record<string, string> = { "Content-Type": CONTENT_TYPES[format], "Cache-Control": "no-store" };
      if (format !== "atom") headers["Content-Disposition"] = `attachment; filename="${FILE_NAMES[format]}"`;
      return new NextResponse(body, { headers });
    } catch (error) {
      return serverError(error, `export ${format}`);
    }
  };
}
