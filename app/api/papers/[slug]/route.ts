// GET /api/papers/[slug] – one paper with its topics, digests and related papers
import type { NextRequest } from "next/server";
import { json, notFound, serverError } from "@/lib/api/respond";
import { paperPathSchema, type PaperResponse } from "@/lib/api/schemas";
import { getPaper } from "@/lib/papers/queries";
import { relatedPapers } from "@/lib/search/related";

export const dynamic = "force-dynamic";

export async function GET(_request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = paperPathSchema.parse(await params);
  try {
    const paper = await getPaper(slug);
    if (!paper) return notFound(`paper "${slug.slice(0, 200)}"`);
    const related = await relatedPapers(paper);
    return json<PaperResponse>({ ...paper, related });
  } catch (error) {
    return serverError(error, "paper");
  }
}
