// GET /api/similar?paper=&text= – the papers nearest to up to five papers and/or a text
import type { NextRequest } from "next/server";
import { badRequest, json, serverError } from "@/lib/api/respond";
import { papersBySlugs } from "@/lib/papers/queries";
import { toRawParams } from "@/lib/api/params";
import type { SimilarResponse } from "@/lib/api/schemas";
import { moreLikeThese } from "@/lib/search/similar";
import { similarParamsSchema } from "@/lib/search/similar-params";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const parsed = similarParamsSchema.safeParse(toRawParams(request.nextUrl.searchParams));
  if (!parsed.success) return badRequest(parsed.error);
  try {
    const papers = await papersBySlugs(parsed.data.paper);
    const hits = await moreLikeThese({ papers, text: parsed.data.text });
    return json<SimilarResponse>({ papers: papers.map((p) => p.slug), text: parsed.data.text.length > 0, hits });
  } catch (error) {
    return serverError(error, "similar");
  }
}
