// GET /search/export.bib – the search the query string describes, as bibtex
import { exportHandler } from "@/lib/export/handler";

export const dynamic = "force-dynamic";
export const GET = exportHandler("bibtex");
