// GET /search/feed.xml – the search the query string describes, as atom
import { exportHandler } from "@/lib/export/handler";

export const dynamic = "force-dynamic";
export const GET = exportHandler("atom");
