// GET /search/export.csv – the search the query string describes, as csv
import { exportHandler } from "@/lib/export/handler";

export const dynamic = "force-dynamic";
export const GET = exportHandler("csv");
