import { createHash, randomUUID } from "node:crypto";
import { parameterChunks, type Db } from "../db";
import { normalizeTitle, slugify, type DigestEntry } from "../digest";
import { effectiveTopics, topicKey, toTopicRow } from "../topics/overrides";
import type { Tagger } from "../topics/tagger";
import type { DigestDate } from "./digest-date";
import { newestAppearance } from "../papers/order";
import { insertRows } from "./insert-rows";
import { keyPhrases, PHRASES_VERSION } from "../trends/phrases";
import { phrasesCurrent, replacePhrases } from "./key-phrases";
import { refreshDigestCounts, digestsOfPapers } from "../trends/digest-counts";
import type { WriterFence } from "./writer-lock";

export interface DigestToStore {
  id: string;
  fileName: string;
  contentHash: string;
  label: string | null;
  date: DigestDate;
  entries: DigestEntry[];
}

export interface StoreCounts {
  newPapers: number;
  updatedPapers: number;
  unchangedPapers: number;
  /** True when the digest row or its list of appearances changed. */
  digestChanged: boolean;
  /** Papers whose search document may have changed: marked dirty, to be sent to the index. */
  touched: string[];
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Stores one parsed digest in a single transaction: the digest, its papers (deduplicated by
 * normalized title), their topics and their positions in it. Either all of it lands or none.
 * `opened` is called inside the transaction once the digest row is in it (written, when the
 * file is new or changed). With a writer's `fence`, the transaction first proves that the writer
 * still holds the lock, and stores nothing when another writer took it over.
 */
export async function storeDigest(
  db: Db,
  digest: DigestToStore,
  tagger: Tagger,
  opened?: () => void,
  fence?: WriterFence,
): Promise<StoreCounts> {
  return db.$transaction(
    async (tx) => {
      await fence?.assertHeld(tx);
      const counts: StoreCounts = { newPapers: 0, updatedPapers: 0, unchangedPapers: 0, digestChanged: false, touched: [] };
      const touched = new Set<string>();
      // Known papers whose topics or key phrases changed: the counts of their other digests change too.
      const recount = new Set<string>();
      const row = await upsertDigestRow(tx, digest);
      counts.digestChanged = row.changed;
      opened?.();

      // A paper listed twice in one digest keeps its first position.
      const firstByTitle = new Map<string, DigestEntry>();
      for (const entry of digest.entries) {
        const key = normalizeTitle(entry.title);
        if (!firstByTitle.has(key)) firstByTitle.set(key, entry);
      }
      const titles = [...firstByTitle.keys()];
      const existing = [];
      for (const chunk of parameterChunks(titles)) {
        existing.push(
          ...(await tx.paper.findMany({
            where: { normalizedTitle: { in: chunk } },
            include: { topics: true, overrides: true, phrases: { select: { phrase: true } } },
          })),
        );
      }
      const byTitle = new Map(existing.map((p) => [p.normalizedTitle, p]));

      const fresh: NewPaper[] = [];
      const order: { normalizedTitle: string; position: number; line: number }[] = [];
      for (const [normalizedTitle, entry] of firstByTitle) {
        const current = byTitle.get(normalizedTitle);
        // When digests disagree about a paper's text, the newest digest wins, and an older
        // one read again later does not undo it; the same digest re-read may correct it.
        const mayChangeText =
          !current ||
          current.textDigestId === null ||
          current.textDigestId === digest.id ||
          digest.date.sortKey > current.sortKey;
        const text = mayChangeText ? entry : { title: current.title, abstract: current.abstract };
        // Editors' corrections are applied again on every run, so they survive re-ingest.
        const tags = tagger.tag(text.title, text.abstract);
        const topics = effectiveTopics(tags, current?.overrides ?? []);
        const phrases = keyPhrases(
          tags.flatMap((t) => t.evidence),
          text.title,
          text.abstract,
        );
        const codeUrl = entry.codeUrls[0] ?? null;
        if (!current) {
          // New papers are inserted together after the loop: one statement, not one per paper.
          fresh.push({ normalizedTitle, entry, topics, phrases, codeUrl });
          order.push({ normalizedTitle, position: entry.position, line: entry.line });
          continue;
        }
        const textChanged =
          mayChangeText && (current.title !== entry.title || current.abstract !== entry.abstract || current.codeUrl !== codeUrl);
        const topicsChanged = topicKey(current.topics) !== topicKey(topics.map(toTopicRow));
        if (textChanged) {
          await tx.paper.update({
            where: { id: current.id },
            data: { title: entry.title, abstract: entry.abstract, codeUrl, textDigestId: digest.id },
          });
        }
        if (topicsChanged) {
          await tx.paperTopic.deleteMany({ where: { paperId: current.id } });
          await tx.paperTopic.createMany({ data: topics.map((t) => ({ paperId: current.id, ...toTopicRow(t) })) });
          recount.add(current.id);
        }
        if (!phrasesCurrent(current, phrases)) {
          await replacePhrases(tx, [{ paperId: current.id, phrases }]);
          recount.add(current.id);
        }
        if (textChanged || topicsChanged) {
          counts.updatedPapers++;
          touched.add(current.id);
        } else counts.unchangedPapers++;
        order.push({ normalizedTitle, position: entry.position, line: entry.line });
      }
      const idByTitle = new Map(existing.map((p) => [p.normalizedTitle, p.id]));
      // New papers are born not indexed, with this digest as their newest: nothing to refresh.
      const inserted = new Set<string>();
      for (const [title, id] of await insertPapers(tx, digest.id, row.sortKey, fresh)) {
        idByTitle.set(title, id);
        inserted.add(id);
      }
      counts.newPapers += fresh.length;
      const appearances = order.map((o) => ({ paperId: idByTitle.get(o.normalizedTitle)!, position: o.position, line: o.line }));

      const stored = await tx.appearance.findMany({ where: { digestId: digest.id }, orderBy: { position: "asc" } });
      const key = (rows: { paperId: string; position: number; line: number }[]) =>
        rows.map((r) => `${r.position}:${r.paperId}:${r.line}`).join(",");
      if (key(stored) !== key(appearances)) {
        await tx.appearance.deleteMany({ where: { digestId: digest.id } });
        await insertRows(
          tx,
          "Appearance",
          appearances.map((a) => ({ ...a, digestId: digest.id })),
        );
        counts.digestChanged = true;
        // Papers that joined or left the digest list a different set of digests now.
        for (const a of [...stored, ...appearances]) touched.add(a.paperId);
      }
      if (counts.digestChanged || recount.size > 0) {
        await refreshDigestCounts(tx, [digest.id, ...(await digestsOfPapers(tx, [...recount]))]);
      }
      const known = appearances.map((a) => a.paperId).filter((id) => !inserted.has(id));
      for (const id of await refreshSortKeys(tx, known)) touched.add(id);
      for (const id of inserted) touched.delete(id);
      await markDirty(tx, [...touched]);
      counts.touched = [...touched, ...inserted];
      return counts;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** Stores the digest row; says whether it changed, and the sort key it now has. */
async function upsertDigestRow(tx: Tx, digest: DigestToStore): Promise<{ changed: boolean; sortKey: number }> {
  const current = await tx.digest.findUnique({ where: { id: digest.id } });
  const data = {
    fileName: digest.fileName,
    contentHash: digest.contentHash,
    label: digest.label,
    // Without --year a re-run keeps the date an earlier run was given.
    publishedOn: digest.date.publishedOn ?? current?.publishedOn ?? null,
    sortKey: digest.date.publishedOn ? digest.date.sortKey : (current?.sortKey ?? digest.date.sortKey),
    entryCount: digest.entries.length,
  };
  if (!current) {
    await tx.digest.create({ data: { id: digest.id, ...data } });
    return { changed: true, sortKey: data.sortKey };
  }
  const same =
    current.fileName === data.fileName &&
    current.contentHash === data.contentHash &&
    current.label === data.label &&
    current.publishedOn?.getTime() === data.publishedOn?.getTime() &&
    current.sortKey === data.sortKey &&
    current.entryCount === data.entryCount;
  if (same) return { changed: false, sortKey: data.sortKey };
  await tx.digest.update({ where: { id: digest.id }, data: { ...data, ingestedAt: new Date() } });
  return { changed: true, sortKey: data.sortKey };
}

/** Forgets that these papers are indexed: their documents have to be sent again. */
async function markDirty(tx: Tx, paperIds: string[]): Promise<void> {
  for (const chunk of parameterChunks(paperIds)) {
    await tx.paper.updateMany({ where: { id: { in: chunk } }, data: { indexedHash: null } });
  }
}

/** Keeps each paper's "newest digest" columns in step with its appearances; returns those that changed. */
async function refreshSortKeys(tx: Tx, paperIds: string[]): Promise<string[]> {
  const changed: string[] = [];
  for (const chunk of parameterChunks(paperIds)) changed.push(...(await refreshSortKeyChunk(tx, chunk)));
  return changed;
}

async function refreshSortKeyChunk(tx: Tx, paperIds: string[]): Promise<string[]> {
  const changed: string[] = [];
  const papers = await tx.paper.findMany({
    where: { id: { in: paperIds } },
    select: {
      id: true,
      sortKey: true,
      sortPosition: true,
      appearances: { select: { position: true, digest: { select: { sortKey: true } } } },
    },
  });
  for (const paper of papers) {
    const newest = newestAppearance(paper.appearances.map((a) => ({ sortKey: a.digest.sortKey, position: a.position })));
    if (newest.sortKey !== paper.sortKey || newest.position !== paper.sortPosition) {
      await tx.paper.update({
        where: { id: paper.id },
        data: { sortKey: newest.sortKey, sortPosition: newest.position },
      });
      changed.push(paper.id);
    }
  }
  return changed;
}

interface NewPaper {
  normalizedTitle: string;
  entry: DigestEntry;
  topics: ReturnType<typeof effectiveTopics>;
  phrases: string[];
  codeUrl: string | null;
}

/**
 * Inserts new papers in bulk: slugs from their titles (plus a short hash where another paper
 * has the slug already), then papers and their topics in multi-row statements.
 */
async function insertPapers(tx: Tx, digestId: string, sortKey: number, papers: NewPaper[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (papers.length === 0) return ids;
  const wanted = papers.map((p) => slugify(p.entry.title));
  const taken = new Set<string>();
  for (const chunk of parameterChunks(wanted)) {
    const rows = await tx.paper.findMany({
      where: { slug: { in: chunk } },
      select: { slug: true },
    });
    for (const row of rows) taken.add(row.slug);
  }
  const now = new Date();
  const rows = papers.map((p, i) => {
    let slug = wanted[i]!;
    if (taken.has(slug)) slug = `${slug}-${createHash("sha256").update(p.normalizedTitle).digest("hex").slice(0, 8)}`;
    taken.add(slug);
    const id = randomUUID();
    ids.set(p.normalizedTitle, id);
    return {
      id,
      slug,
      normalizedTitle: p.normalizedTitle,
      title: p.entry.title,
      abstract: p.entry.abstract,
      codeUrl: p.codeUrl,
      textDigestId: digestId,
      // Its only digest is this one, so it is already its newest.
      sortKey,
      sortPosition: p.entry.position,
      firstSeenAt: now,
      updatedAt: now,
      phrasesVersion: PHRASES_VERSION,
    };
  });
  await insertRows(tx, "Paper", rows);
  await insertRows(
    tx,
    "PaperTopic",
    papers.flatMap((p) => p.topics.map((t) => ({ paperId: ids.get(p.normalizedTitle)!, ...toTopicRow(t) }))),
  );
  await insertRows(
    tx,
    "PaperPhrase",
    papers.flatMap((p) => p.phrases.map((phrase) => ({ paperId: ids.get(p.normalizedTitle)!, phrase }))),
  );
  return ids;
}
