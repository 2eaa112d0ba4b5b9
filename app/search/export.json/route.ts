// GET /search/export.json – the search the query string describes, as json
import { exportHandler } from "@/lib/export/handler";

export const dynamic = "force-dynamic";
export const GET = exportHandler("json");
