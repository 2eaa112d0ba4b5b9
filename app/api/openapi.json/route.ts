// GET /api/openapi.json – the OpenAPI 3.1 document of every /api route
import { json } from "@/lib/api/respond";
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

export function GET() {
  // The document changes only with a deployment: clients and proxies may keep it an hour.
  return json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=3600" } });
}
