import "server-only";
import { cache } from "react";
import { db, parameterChunks } from "../db";
import { summaryInclude, toDigestInfo, toPaperSummary } from "./reshape";
import type { DigestInfo, PaperDetail, PaperSummary } from "./types";

// Where papers come from: digests in the order they were published, and for each paper the
// digest it first appeared in. Digests dated by their label come first by date; digests with
// no date come after them, in the order they were ingested.

interface DigestRow {
  id: string;
  fileName: string;
  label: string | null;
  publishedOn: Date | null;
  sortKey: number;
  ingestedAt: Date;
  entryCount: number;
}

function chronological(a: DigestRow, b: DigestRow): number {
  const key = (d: DigestRow) => (d.sortKey > 0 ? d.sortKey : Number.MAX_SAFE_INTEGER);
  return key(a) - key(b) || a.ingestedAt.getTime() - b.ingestedAt.getTime() || a.fileName.localeCompare(b.fileName);
}

/** Digests oldest first, with a rank for comparing them. */
const digestOrder = cache(async () => {
  const rows = await db().digest.findMany();
  const ordered = rows.sort(chronological);
  return { ordered, rank: new Map(ordered.map((d, i) => [d.id, i])) };
});

/** For the given papers (or every paper), the id of the first digest each appeared in. */
async function firstDigests(paperIds?: string[]): Promise<Map<string, string>> {
  const { rank } = await digestOrder();
  const select = { paperId: true, digestId: true } as const;
  const appearances = [];
  if (!paperIds) appearances.push(...(await db().appearance.findMany({ select })));
  for (const chunk of parameterChunks(paperIds ?? [])) {
    appearances.push(...(await db().appearance.findMany({ where: { paperId: { in: chunk } }, select })));
  }
  const first = new Map<string, string>();
  for (const a of appearances) {
    const current = first.get(a.paperId);
    if (current === undefined || (rank.get(a.digestId) ?? 0) < (rank.get(current) ?? 0)) first.set(a.paperId, a.digestId);
  }
  return first;
}

/** Every digest, newest first, with how many of its papers were new. */
export async function listDigestInfo(): Promise<DigestInfo[]> {
  const { ordered } = await digestOrder();
  const first = await firstDigests();
  const newCount = new Map<string, number>();
  for (const digestId of first.values()) newCount.set(digestId, (newCount.get(digestId) ?? 0) + 1);
  return ordered.map((d) => toDigestInfo(d, newCount.get(d.id) ?? 0)).reverse();
}

export interface DigestEntry {
  position: number;
  paper: PaperSummary;
  /** Null when the paper is new in this digest; else the digest it first appeared in. */
  seenBefore: { id: string; label: string | null; publishedOn: string | null; fileName: string } | null;
}

export const getDigest = cache(async (id: string): Promise<{ digest: DigestInfo; entries: DigestEntry[] } | null> => {
  const { ordered } = await digestOrder();
  const digest = ordered.find((d) => d.id === id);
  if (!digest) return null;
  const appearances = await db().appearance.findMany({ where: { digestId: id }, orderBy: { position: "asc" } });
  // Papers in chunks: a relation include would bind every id at once (SQLite takes 999).
  const papers = new Map<string, PaperSummary>();
  for (const chunk of parameterChunks(appearances)) {
    const rows = await db().paper.findMany({
      where: { id: { in: chunk.map((a) => a.paperId) } },
      include: summaryInclude,
    });
    for (const row of rows) papers.set(row.id, toPaperSummary(row));
  }
  const first = await firstDigests(appearances.map((a) => a.paperId));
  const byId = new Map(ordered.map((d) => [d.id, d]));
  const entries = appearances.map((a) => {
    const firstId = first.get(a.paperId);
    const earlier = firstId && firstId !== id ? byId.get(firstId) : undefined;
    return {
      position: a.position,
      paper: papers.get(a.paperId)!,
      seenBefore: earlier ? toDigestInfo(earlier, 0) : null,
    };
  });
  return { digest: toDigestInfo(digest, entries.filter((e) => !e.seenBefore).length), entries };
});

/** The digest a paper first appeared in, with its position there, from the paper's own digests. */
export async function firstAppearance(paper: PaperDetail) {
  const { ordered, rank } = await digestOrder();
  const first = [...paper.digests].sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0))[0];
  const digest = first && ordered.find((d) => d.id === first.id);
  if (!first || !digest) return null;
  return { digest: toDigestInfo(digest, 0), position: first.position, storedAt: paper.firstSeenAt };
}
