// GET /api/papers – every paper, newest digest first, paginated
import type { NextRequest } from "next/server";
import { badRequest, json, serverError } from "@/lib/api/respond";
import { listPapers } from "@/lib/papers/queries";
import { pageParamsSchema, toRawParams } from "@/lib/api/params";
import type { PapersResponse } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const parsed = pageParamsSchema.safeParse(toRawParams(request.nextUrl.searchParams));
  if (!parsed.success) return badRequest(parsed.error);
  try {
    const { page, perPage } = parsed.data;
    const result = await listPapers(page, perPage);
    return json<PapersResponse>({
      total: result.total,
      page,
      perPage,
      totalPages: result.totalPages,
      papers: result.items.map((paper) => ({ ...paper, topics: paper.topics.map((t) => t.slug) })),
    });
  } catch (error) {
    return serverError(error, "papers");
  }
}
