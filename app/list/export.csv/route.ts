// GET /list/export.csv – the papers a list's share link names, as csv
import { listExportHandler } from "@/lib/reading-lists/export-handler";

export const dynamic = "force-dynamic";
export const GET = listExportHandler("csv");
