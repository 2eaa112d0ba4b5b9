// POST /api/papers/[slug]/topics – an editor adds, removes or restores a paper's topic
import { cookies } from "next/headers";
import { NextResponse, type NextRequest } from "next/server";
import { ADMIN_COOKIE, editingEnabled, isAuthorized } from "@/lib/admin/auth";
import { badRequest, serverError } from "@/lib/api/respond";
import { paperPathSchema, type CorrectionError, type CorrectionResponse } from "@/lib/api/schemas";
import { db } from "@/lib/db";
import { indexName, writeClient } from "@/lib/meilisearch/client";
import { correctionInputSchema } from "@/lib/topics/correction-input";
import { CORRECTION_MESSAGES, type CorrectionCode } from "@/lib/topics/correction-messages";
import { correctTopics, describeProblem } from "@/lib/topics/corrections";
import { tagging } from "@/lib/topics/load";

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = paperPathSchema.parse(await params);
  const isForm = (request.headers.get("content-type") ?? "").includes("application/x-www-form-urlencoded");
  // An HTML form (the paper page works without JavaScript) is sent back to the paper with
  // an outcome code; an API client gets JSON.
  const reply = (status: number, code: CorrectionCode, extra?: { topics: string[] }) => {
    if (isForm) {
      const back = new URL(`/papers/${encodeURIComponent(slug)}`, request.url);
      back.searchParams.set(status < 300 ? "edited" : "error", code);
      back.hash = "topics";
      return NextResponse.redirect(back, 303);
    }
    const message = CORRECTION_MESSAGES[code];
    const body: CorrectionResponse | CorrectionError =
      status < 300 ? { message, topics: extra?.topics ?? [] } : { error: message, code };
    return NextResponse.json(body, { status });
  };

  if (!editingEnabled()) return reply(403, "disabled");
  const cookie = (await cookies()).get(ADMIN_COOKIE)?.value;
  if (!(await isAuthorized(request, cookie))) return reply(401, "unauthorized");

  let input: unknown;
  try {
    input = isForm ? Object.fromEntries(await request.formData()) : await request.json();
  } catch {
    return reply(400, "invalid");
  }
  const parsed = correctionInputSchema.safeParse(input);
  if (!parsed.success) return isForm ? reply(400, "invalid") : badRequest(parsed.error);

  try {
    const { tagger } = await tagging();
    const result = await correctTopics(db(), writeClient(), indexName(), tagger, {
      slug,
      action: parsed.data.action,
      topicSlug: parsed.data.topic,
    });
    if (!result.ok) {
      const { status, code } = describeProblem(result.problem);
      return reply(status, code);
    }
    return reply(200, result.indexError ? "saved-index-pending" : "saved", { topics: result.topics });
  } catch (error) {
    return serverError(error, "topic correction");
  }
}
