// GET /api/search – faceted full-text search, same parameters as /search
import type { NextRequest } from "next/server";
import { badRequest, json, serverError } from "@/lib/api/respond";
import type { SearchResponse } from "@/lib/api/schemas";
import { searchParamsSchema } from "@/lib/search/params";
import { toRawParams } from "@/lib/api/params";
import { resilientSearch } from "@/lib/search/resilient-search";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const parsed = searchParamsSchema.safeParse(toRawParams(request.nextUrl.searchParams));
  if (!parsed.success) return badRequest(parsed.error);
  try {
    const result = await resilientSearch(parsed.data);
    return json<SearchResponse>({
      query: result.query,
      engine: result.engine,
      dropped: result.dropped,
      page: result.page,
      perPage: result.perPage,
      total: result.total,
      totalPages: result.totalPages,
      hits: result.hits.map((hit) => ({
        slug: hit.slug,
        title: hit.title,
        topics: hit.topics,
        codeUrl: hit.codeUrl,
        digests: hit.digests,
        firstSeenAt: hit.firstSeenAt,
        snippet: hit.snippet,
      })),
      facets: result.facets,
    });
  } catch (error) {
    return serverError(error, "search");
  }
}
