import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { toRawParams } from "../api/params";
import { badRequest, serverError } from "../api/respond";
import { toBibtex } from "../export/bibtex";
import { toCsv } from "../export/csv";
import { CONTENT_TYPES } from "../export/handler";
import { loadListPapers } from "./load";
import { shareHref } from "./share-link";
import { shareParamsSchema } from "./share-params";

export type ListExportFormat = "json" | "csv" | "bibtex";

const EXTENSIONS: Record<ListExportFormat, string> = { json: "json", csv: "csv", bibtex: "bib" };

/** A file name from the list's name: ASCII letters and digits only, so any browser keeps it. */
function fileName(name: string, format: ListExportFormat): string {
  const stem = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `paperdex-list${stem ? `-${stem}` : ""}.${EXTENSIONS[format]}`;
}

/**
 * A route handler for an export of the list a share link describes, in the search exports'
 * formats. Papers that no longer exist are left out of BibTeX and CSV, and named in JSON.
 */
export function listExportHandler(format: ListExportFormat) {
  return async function GET(request: NextRequest) {
    const parsed = shareParamsSchema.safeParse(toRawParams(request.nextUrl.searchParams));
    if (!parsed.success) return badRequest(parsed.error);
    const { name, paper: slugs } = parsed.data;
    try {
      const listed = await loadListPapers(slugs);
      const papers = listed.flatMap((l) => (l.exported ? [l.exported] : []));
      const origin = request.nextUrl.origin;
      let body: string;
      if (format === "csv") body = toCsv(papers, origin);
      else if (format === "bibtex") body = toBibtex(papers, origin);
      else {
        const missing = listed.filter((l) => !l.paper).map((l) => l.slug);
        const list = `${origin}${shareHref(name, slugs)}`;
        body = JSON.stringify({ name, total: slugs.length, exported: papers.length, list, papers, missing }, null, 2);
      }
      return new NextResponse(body, {
        headers: {
          "Content-Type": CONTENT_TYPES[format],
          "Cache-Control": "no-store",
          "Content-Disposition": `attachment; filename="${fileName(name, format)}"`,
        },
      });
    } catch (error) {
      return serverError(error, `list export ${format}`);
    }
  };
}
