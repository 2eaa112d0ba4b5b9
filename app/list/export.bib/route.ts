// GET /list/export.bib – the papers a list's share link names, as bibtex
import { listExportHandler } from "@/lib/reading-lists/export-handler";

export const dynamic = "force-dynamic";
export const GET = listExportHandler("bibtex");
