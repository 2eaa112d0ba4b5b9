import "server-only";
import { Prisma } from "@/prisma/generated/client/client";
import { db as appDb, parameterChunks, type Db } from "../db";
import type { TrendsParams, TrendUnit } from "./params";
import { PHRASES_VERSION } from "./phrases";
import {
  countOnce,
  firstTimeCandidates,
  rankPhrases,
  rankTopics,
  sumDigests,
  type GroupCounts,
  type PhraseTrend,
  type Relisted,
  type TopicTrend,
} from "./rank";
import { chooseWindows, type DigestRef, type Period, type Windows } from "./windows";

// /trends from the database, read afresh on every request (so it is right after every ingest and
// every correction): the windows' digests' counts per topic and per key phrase (DigestTopic,
// DigestPhrase, kept by the writers: lib/trends/digest-counts.ts), corrected for the papers
// listed in more than one digest of a window, and which new-looking phrases an earlier digest
// had. Every query reads rows of the windows' digests through indexes, not their papers.

/** A window or a point of the charts, with its papers (each counted once). */
export interface CountedPeriod extends Period {
  papers: number;
}

export interface Trends extends Omit<Windows, "recent" | "baseline" | "points"> {
  recent: CountedPeriod;
  baseline: CountedPeriod;
  points: CountedPeriod[];
  topics: { rising: TopicTrend[]; falling: TopicTrend[] };
  phrases: { rising: PhraseTrend[]; firstTime: PhraseTrend[] };
  /** Papers stored before key phrases existed, which have none yet (the next ingest makes them). */
  papersWithoutPhrases: number;
  /** Whether any digest carries a date (windows of days need dated digests). */
  datesKnown: boolean;
}

export type TrendsResult =
  | { kind: "trends"; trends: Trends }
  | { kind: "empty"; unit: TrendUnit; reason: string; datesKnown: boolean }
  | { kind: "invalid"; param: string; message: string };

type Row = { digestId: string; term: string; papers: number | bigint };

export async function loadTrends(params: TrendsParams, db: Db = appDb()): Promise<TrendsResult> {
  const digests = await db.digest.findMany({
    select: { id: true, fileName: true, label: true, publishedOn: true },
    orderBy: [{ sortKey: "asc" }, { fileName: "asc" }],
  });
  const refs: DigestRef[] = digests.map((d) => ({ ...d, publishedOn: d.publishedOn?.toISOString().slice(0, 10) ?? null }));
  const datesKnown = refs.some((d) => d.publishedOn !== null);
  const choice = chooseWindows(refs, params);
  if (choice.kind === "invalid") return choice;
  if (choice.kind === "empty") return { ...choice, datesKnown };
  const { windows } = choice;
  const recentIds = windows.recent.digestIds;
  const ids = [...windows.baseline.digestIds, ...recentIds];
  const inWindows = Prisma.join(ids);

  const [topicRows, totalRows, phraseRows, relistedRows, topics, papersWithoutPhrases] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT "digestId", "topicSlug" AS "term", "papers" FROM "DigestTopic" WHERE "digestId" IN (${inWindows})`,
    db.$queryRaw<Omit<Row, "term">[]>`
      SELECT a."digestId" AS "digestId", COUNT(*) AS "papers"
      FROM "Appearance" a
      WHERE a."digestId" IN (${inWindows})
      GROUP BY a."digestId"`,
    db.$queryRaw<{ recent: number | bigint; term: string; papers: number | bigint }[]>`
      SELECT CASE WHEN "digestId" IN (${Prisma.join(recentIds)}) THEN 1 ELSE 0 END AS "recent", "phrase" AS "term", SUM("papers") AS "papers"
      FROM "DigestPhrase"
      WHERE "digestId" IN (${inWindows})
      GROUP BY 1, "phrase"`,
    // Papers listed in more than one digest of the windows: each counts once per window.
    db.$queryRaw<{ paperId: string; digestId: string }[]>`
      SELECT a."paperId" AS "paperId", a."digestId" AS "digestId"
      FROM "Appearance" a
      WHERE a."digestId" IN (${inWindows}) AND a."paperId" IN (
        SELECT b."paperId" FROM "Appearance" b WHERE b."digestId" IN (${inWindows})
        GROUP BY b."paperId" HAVING COUNT(*) > 1)`,
    db.topic.findMany({ select: { slug: true, name: true }, orderBy: { rank: "asc" } }),
    db.paper.count({ where: { phrasesVersion: { lt: PHRASES_VERSION } } }),
  ]);

  // Per digest: its papers, and its papers per topic.
  const perDigest = new Map<string, GroupCounts>(
    totalRows.map((r) => [r.digestId, { total: Number(r.papers), terms: new Map<string, number>() }]),
  );
  for (const row of topicRows) perDigest.get(row.digestId)?.terms.set(row.term, Number(row.papers));
  // Per window: its papers per phrase (its total comes from perDigest).
  const phraseListings = [new Map<string, number>(), new Map<string, number>()] as const;
  for (const row of phraseRows) phraseListings[Number(row.recent)]!.set(row.term, Number(row.papers));

  const relisted = await relistedPapers(db, relistedRows);
  const topicOnce = (group: string[]) => countOnce(sumDigests(perDigest, group), group, relisted.topics);
  const recentTopics = topicOnce(recentIds);
  const baselineTopics = topicOnce(windows.baseline.digestIds);
  const recentPhrases = countOnce({ total: recentTopics.total, terms: phraseListings[1] }, recentIds, relisted.phrases).terms;
  const baselinePhrases = countOnce(
    { total: baselineTopics.total, terms: phraseListings[0] },
    windows.baseline.digestIds,
    relisted.phrases,
  ).terms;
  const recent = { total: recentTopics.total, terms: recentPhrases };
  const baseline = { total: baselineTopics.total, terms: baselinePhrases };
  const candidates = firstTimeCandidates(recent, baseline);
  const seen = await seenBefore(db, candidates, recentIds);
  const firstTime = new Set(candidates.filter((phrase) => !seen.has(phrase)));

  const names = { recent: windows.recent.name, baseline: windows.baseline.name };
  const points = windows.points.map((p) => topicOnce(p.digestIds));
  return {
    kind: "trends",
    trends: {
      ...windows,
      recent: { ...windows.recent, papers: recentTopics.total },
      baseline: { ...windows.baseline, papers: baselineTopics.total },
      points: windows.points.map((p, i) => ({ ...p, papers: points[i]!.total })),
      topics: rankTopics(topics, recentTopics, baselineTopics, points, names),
      phrases: rankPhrases(recent, baseline, firstTime, names),
      papersWithoutPhrases,
      datesKnown,
    },
  };
}

/** The topics and key phrases of the papers listed more than once in the windows, with their digests. */
async function relistedPapers(
  db: Db,
  rows: { paperId: string; digestId: string }[],
): Promise<{ topics: Relisted[]; phrases: Relisted[] }> {
  const digestsOf = new Map<string, string[]>();
  for (const row of rows) digestsOf.set(row.paperId, [...(digestsOf.get(row.paperId) ?? []), row.digestId]);
  const topics = new Map<string, string[]>();
  const phrases = new Map<string, string[]>();
  for (const chunk of parameterChunks([...digestsOf.keys()])) {
    const [topicRows, phraseRows] = await Promise.all([
      db.paperTopic.findMany({ where: { paperId: { in: chunk } }, select: { paperId: true, topicSlug: true } }),
      db.paperPhrase.findMany({ where: { paperId: { in: chunk } }, select: { paperId: true, phrase: true } }),
    ]);
    for (const r of topicRows) topics.set(r.paperId, [...(topics.get(r.paperId) ?? []), r.topicSlug]);
    for (const r of phraseRows) phrases.set(r.paperId, [...(phrases.get(r.paperId) ?? []), r.phrase]);
  }
  const list = (terms: Map<string, string[]>) =>
    [...digestsOf].map(([paperId, digestIds]) => ({ digestIds, terms: terms.get(paperId) ?? [] }));
  return { topics: list(topics), phrases: list(phrases) };
}

/** Which of these phrases a digest outside the recent window has (so they are not new). */
async function seenBefore(db: Db, phrases: string[], recentIds: string[]): Promise<Set<string>> {
  const seen = new Set<string>();
  for (const chunk of parameterChunks(phrases, { reserved: 99 + recentIds.length })) {
    const rows = await db.$queryRaw<{ phrase: string }[]>`
      SELECT DISTINCT "phrase" FROM "DigestPhrase"
      WHERE "phrase" IN (${Prisma.join(chunk)}) AND "digestId" NOT IN (${Prisma.join(recentIds)})`;
    for (const row of rows) seen.add(row.phrase);
  }
  return seen;
}
