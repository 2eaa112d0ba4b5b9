import type { Prisma } from "@/prisma/generated/client/client";
import { parseStoredEvidence } from "../topics/evidence";
import type { Evidence, PaperDetail, PaperSummary } from "./types";

// Raw rows become the app's types here and nowhere else.

export const summaryInclude = {
  topics: { include: { topic: true }, orderBy: [{ score: "desc" }, { topicSlug: "asc" }] },
  appearances: { include: { digest: true }, orderBy: [{ digest: { sortKey: "desc" } }, { digestId: "asc" }] },
} satisfies Prisma.PaperInclude;

export const detailInclude = {
  ...summaryInclude,
  overrides: { include: { topic: true }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.PaperInclude;

type PaperRow = Prisma.PaperGetPayload<{ include: typeof summaryInclude }>;
type PaperDetailRow = Prisma.PaperGetPayload<{ include: typeof detailInclude }>;

export function toPaperSummary(row: PaperRow): PaperSummary {
  return {
    slug: row.slug,
    title: row.title,
    abstract: row.abstract,
    codeUrl: row.codeUrl,
    topics: row.topics.map((t) => ({ slug: t.topic.slug, name: t.topic.name })),
    digests: row.appearances.map((a) => ({
      id: a.digest.id,
      fileName: a.digest.fileName,
      label: a.digest.label,
      publishedOn: a.digest.publishedOn?.toISOString().slice(0, 10) ?? null,
      position: a.position,
    })),
  };
}

export function toPaperDetail(row: PaperDetailRow): PaperDetail {
  return {
    ...toPaperSummary(row),
    firstSeenAt: row.firstSeenAt.toISOString(),
    topics: row.topics.map((t) => ({
      slug: t.topic.slug,
      name: t.topic.name,
      score: t.score,
      evidence: toEvidence(t),
      source: t.source === "manual" ? "manual" : "rule",
    })),
    removedTopics: row.overrides.filter((o) => o.action === "remove").map((o) => ({ slug: o.topic.slug, name: o.topic.name })),
  };
}

/** A paper–topic row's evidence, parsed (and checked) here once for every page that shows it. */
export function toEvidence(row: { evidence: string }): Evidence[] {
  return parseStoredEvidence(row.evidence);
}
