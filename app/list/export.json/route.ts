// GET /list/export.json – the papers a list's share link names, as json
import { listExportHandler } from "@/lib/reading-lists/export-handler";

export const dynamic = "force-dynamic";
export const GET = listExportHandler("json");
