import "server-only";
import { db } from "../db";
import { toEvidence } from "./reshape";

export interface DigestVolume {
  digestId: string;
  label: string;
  papers: number;
  total: number;
}

export interface TopicStats {
  volume: DigestVolume[];
  coTopics: { slug: string; name: string; papers: number }[];
  phrases: { phrase: string; papers: number }[];
}

/** How much of each digest a topic takes, what it appears with, and what triggers it. */
export async function topicStats(slug: string): Promise<TopicStats> {
  const inTopic = { paper: { topics: { some: { topicSlug: slug } } } };
  const [digests, perDigest, totals, co, topics, evidenceRows] = await Promise.all([
    db().digest.findMany({ orderBy: [{ sortKey: "asc" }, { fileName: "asc" }] }),
    db().appearance.groupBy({ by: ["digestId"], where: inTopic, _count: { _all: true } }),
    db().appearance.groupBy({ by: ["digestId"], _count: { _all: true } }),
    db().paperTopic.groupBy({
      by: ["topicSlug"],
      where: { topicSlug: { not: slug }, ...inTopic },
      _count: { _all: true },
      orderBy: { _count: { topicSlug: "desc" } },
      take: 6,
    }),
    db().topic.findMany({ select: { slug: true, name: true } }),
    // The most recent papers are enough to see which phrases carry a topic.
    db().paperTopic.findMany({ where: { topicSlug: slug }, select: { evidence: true }, take: 5_000 }),
  ]);
  const count = (rows: { digestId: string; _count: { _all: number } }[], id: string) =>
    rows.find((r) => r.digestId === id)?._count._all ?? 0;
  const name = new Map(topics.map((t) => [t.slug, t.name]));

  const phraseCounts = new Map<string, number>();
  for (const row of evidenceRows) {
    const phrases = new Set(toEvidence(row).map((e) => e.phrase));
    for (const phrase of phrases) phraseCounts.set(phrase, (phraseCounts.get(phrase) ?? 0) + 1);
  }

  return {
    volume: digests.map((d) => ({
      digestId: d.id,
      label: d.label ?? d.fileName.replace(/\.txt$/, ""),
      papers: count(perDigest, d.id),
      total: count(totals, d.id),
    })),
    coTopics: co.map((c) => ({ slug: c.topicSlug, name: name.get(c.topicSlug) ?? c.topicSlug, papers: c._count._all })),
    phrases: [...phraseCounts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 12)
      .map(([phrase, papers]) => ({ phrase, papers })),
  };
}
