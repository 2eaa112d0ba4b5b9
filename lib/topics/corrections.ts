import type { Meilisearch } from "meilisearch";
import type { Db } from "../db";
import { describeSearchError } from "../meilisearch/errors";
import { sendPapers } from "../indexing/sync";
import { checkCorrection, effectiveTopics, toTopicRow, type CorrectionProblem, type OverrideAction } from "./overrides";
import type { CorrectionCode } from "./correction-messages";
import { refreshTopicCounts } from "./paper-counts";
import { refreshCountsOfPapers } from "../trends/digest-counts";
import type { Tagger } from "./tagger";

export interface CorrectionRequest {
  slug: string;
  action: OverrideAction | "undo";
  topicSlug: string;
}

export type CorrectionResult =
  | { ok: true; topics: string[]; indexError: string | null }
  | { ok: false; problem: CorrectionProblem | { kind: "unknown-paper" } };

/**
 * Applies an editor's correction: stores (or removes) the override, recomputes the paper's
 * topics from the tagger plus its overrides, and re-indexes the paper. The database change is
 * one transaction; if the index cannot be reached, the next ingest or reindex catches up.
 */
export async function correctTopics(
  db: Db,
  search: Meilisearch,
  indexUid: string,
  tagger: Tagger,
  request: CorrectionRequest,
): Promise<CorrectionResult> {
  const outcome = await db.$transaction(async (tx) => {
    const paper = await tx.paper.findUnique({
      where: { slug: request.slug },
      include: { topics: true, overrides: true },
    });
    if (!paper) return { ok: false as const, problem: { kind: "unknown-paper" as const } };
    const known = new Set((await tx.topic.findMany({ select: { slug: true } })).map((t) => t.slug));
    const current = paper.topics.map((t) => ({ slug: t.topicSlug }));
    const problem = checkCorrection(request.action, request.topicSlug, current, paper.overrides, known);
    if (problem) return { ok: false as const, problem };

    const key = { paperId_topicSlug: { paperId: paper.id, topicSlug: request.topicSlug } };
    if (request.action === "undo") {
      await tx.topicOverride.delete({ where: key });
    } else {
      await tx.topicOverride.upsert({
        where: key,
        create: { paperId: paper.id, topicSlug: request.topicSlug, action: request.action },
        update: { action: request.action, createdAt: new Date() },
      });
    }
    const overrides = await tx.topicOverride.findMany({ where: { paperId: paper.id } });
    const topics = effectiveTopics(tagger.tag(paper.title, paper.abstract), overrides);
    await tx.paperTopic.deleteMany({ where: { paperId: paper.id } });
    await tx.paperTopic.createMany({ data: topics.map((t) => ({ paperId: paper.id, ...toTopicRow(t) })) });
    await refreshCountsOfPapers(tx, [paper.id]);
    await tx.paper.update({ where: { id: paper.id }, data: { indexedHash: null } });
    await refreshTopicCounts(tx);
    return { ok: true as const, paperId: paper.id, topics: topics.map((t) => t.slug) };
  });
  if (!outcome.ok) return outcome;

  let indexError: string | null = null;
  try {
    await sendPapers(db, search, indexUid, [outcome.paperId]);
  } catch (error) {
    indexError = describeSearchError(error);
  }
  return { ok: true, topics: outcome.topics, indexError };
}

export function describeProblem(problem: CorrectionProblem | { kind: "unknown-paper" }): {
  status: number;
  code: CorrectionCode;
} {
  const status = problem.kind === "unknown-paper" ? 404 : problem.kind === "unknown-topic" ? 400 : 409;
  return { status, code: problem.kind };
}
