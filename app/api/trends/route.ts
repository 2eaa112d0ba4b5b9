// GET /api/trends – topics and key phrases that rose or fell in the latest digests
import type { NextRequest } from "next/server";
import { toRawParams } from "@/lib/api/params";
import { badRequest, json, serverError } from "@/lib/api/respond";
import { refusedWindow, toTrendsResponse, type TrendsResponse } from "@/lib/trends/api";
import { loadTrends } from "@/lib/trends/load";
import { trendsParamsSchema } from "@/lib/trends/params";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const parsed = trendsParamsSchema.safeParse(toRawParams(request.nextUrl.searchParams));
  if (!parsed.success) return badRequest(parsed.error);
  try {
    const result = await loadTrends(parsed.data);
    // Parameters these digests cannot serve (days, when no digest is dated) are refused like bad ones.
    if (result.kind === "invalid") return json(refusedWindow(result), { status: 400 });
    return json<TrendsResponse>(toTrendsResponse(result));
  } catch (error) {
    return serverError(error, "trends");
  }
}
