import { Prisma } from "@/prisma/generated/client/client";
import { parameterChunks, type Db } from "../db";

// Each digest's papers per topic (DigestTopic) and per key phrase (DigestPhrase): what /trends
// sums over its windows, so that a view reads a few rows per digest instead of the topics and
// phrases of every paper. Derived data: every writer that changes a digest's list of papers, or
// the topics or key phrases of a paper, recomputes the counts of the digests concerned here, in
// the same transaction (the ingest, topic corrections, the making of key phrases).

type Queryable = Pick<Db, "$executeRaw" | "appearance">;

/** The digests that list any of these papers. */
export async function digestsOfPapers(db: Pick<Db, "appearance">, paperIds: string[]): Promise<string[]> {
  const digests = new Set<string>();
  for (const chunk of parameterChunks(paperIds)) {
    const rows = await db.appearance.findMany({
      where: { paperId: { in: chunk } },
      select: { digestId: true },
      distinct: ["digestId"],
    });
    for (const row of rows) digests.add(row.digestId);
  }
  return [...digests];
}

/** Makes the counts of these digests what their papers' topics and key phrases are now. */
export async function refreshDigestCounts(db: Queryable, digestIds: string[]): Promise<void> {
  for (const chunk of parameterChunks([...new Set(digestIds)])) {
    await db.$executeRaw`DELETE FROM "DigestTopic" WHERE "digestId" IN (${Prisma.join(chunk)})`;
    await db.$executeRaw`
      INSERT INTO "DigestTopic" ("digestId", "topicSlug", "papers")
      SELECT a."digestId", pt."topicSlug", COUNT(*) FROM "Appearance" a JOIN "PaperTopic" pt ON pt."paperId" = a."paperId"
      WHERE a."digestId" IN (${Prisma.join(chunk)})
      GROUP BY a."digestId", pt."topicSlug"`;
    await db.$executeRaw`DELETE FROM "DigestPhrase" WHERE "digestId" IN (${Prisma.join(chunk)})`;
    await db.$executeRaw`
      INSERT INTO "DigestPhrase" ("digestId", "phrase", "papers")
      SELECT a."digestId", pp."phrase", COUNT(*) FROM "Appearance" a JOIN "PaperPhrase" pp ON pp."paperId" = a."paperId"
      WHERE a."digestId" IN (${Prisma.join(chunk)})
      GROUP BY a."digestId", pp."phrase"`;
  }
}

/** Recounts the digests of these papers (after their topics or key phrases changed). */
export async function refreshCountsOfPapers(db: Queryable, paperIds: string[]): Promise<void> {
  if (paperIds.length > 0) await refreshDigestCounts(db, await digestsOfPapers(db, paperIds));
}
