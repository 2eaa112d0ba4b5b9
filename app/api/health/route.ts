// GET /api/health – database and search status; 503 when either is down
import { json } from "@/lib/api/respond";
import type { HealthResponse } from "@/lib/api/schemas";
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth();
  return json<HealthResponse>(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
