import { writeFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/trends/route";
import { ingestFiles } from "@/lib/ingest/ingest";
import { createTopicTagger, loadTopicConfig } from "@/lib/topics/load";
import { invalidParameterSchema } from "@/lib/api/schemas";
import { trendsResponseSchema, type TrendsResponse } from "@/lib/trends/api";
import { keyPhrases } from "@/lib/trends/phrases";
import { correctTopics } from "@/lib/topics/corrections";
import { SEED_FILES } from "../support/fixtures";
import { onPostgres } from "../support/database";
import { createTestEnv } from "../support/test-env";

// GET /api/trends against a real database (SQLite, or PostgreSQL under with-postgres.sh): after
// the seeds, then after each further digest, its windows and counts must be what the database
// says when asked directly, and a phrase must move from absent to new to rising.

const env = await createTestEnv("trends");
const targets = { db: env.db, search: env.search, indexUid: env.indexUid };
const PHRASE = "gaussian splatting";

async function trends(query = ""): Promise<{ status: number; body: TrendsResponse & { error?: string; param?: string } }> {
  const response = await GET(new NextRequest(`http://localhost/api/trends${query}`));
  const body = (await response.json()) as TrendsResponse & { error?: string; param?: string };
  // Every answer has the documented shape (the OpenAPI document's schema).
  (response.status === 200 ? trendsResponseSchema : invalidParameterSchema).parse(body);
  return { status: response.status, body };
}

/** A paper on Gaussian splatting (a 3D vision method no seed paper mentions). */
function splattingPaper(n: number): string {
  return [
    `Fast Gaussian Splatting for Scene ${n}`,
    "",
    `We present a 3D Gaussian splatting method for novel view synthesis of scene ${n}. Gaussian splatting represents ` +
      "a scene with anisotropic 3D Gaussians rendered by rasterization, reaching real-time rendering from multi-view images. " +
      `Our variant ${n} prunes redundant Gaussians and improves reconstruction quality on standard benchmarks.`,
  ].join("\n");
}

function otherPaper(n: number): string {
  return [
    `Instruction Tuning Language Models with Feedback ${n}`,
    "",
    "We fine-tune large language models on instructions with human feedback and evaluate them on reasoning benchmarks. " +
      `Variant ${n} improves accuracy while using fewer training examples.`,
  ].join("\n");
}

function writeDigest(name: string, label: string, papers: string[]): string {
  const file = path.join(env.dir, name);
  writeFileSync(file, `Daily Papers\n\n${label}\n\n${papers.join("\n\n")}\n`);
  return file;
}

/** The digests in the order pages use, oldest first. */
async function digestIds(): Promise<string[]> {
  const digests = await env.db.digest.findMany({ orderBy: [{ sortKey: "asc" }, { fileName: "asc" }], select: { id: true } });
  return digests.map((d) => d.id);
}

/** Papers listed in any of these digests with this topic, each once: asked of the database directly. */
const topicPapers = (digests: string[], topicSlug: string) =>
  env.db.paper.count({ where: { appearances: { some: { digestId: { in: digests } } }, topics: { some: { topicSlug } } } });
const phrasePapers = (digests: string[], phrase: string) =>
  env.db.paper.count({ where: { appearances: { some: { digestId: { in: digests } } }, phrases: { some: { phrase } } } });
const allPapers = (digests: string[]) => env.db.paper.count({ where: { appearances: { some: { digestId: { in: digests } } } } });

/** Checks every count of an answer against the database. */
async function expectCountsFromDatabase(body: TrendsResponse) {
  const recent = body.window!.recent.digests;
  const baseline = body.window!.baseline.digests;
  expect(body.window!.recent.papers).toBe(await allPapers(recent));
  expect(body.window!.baseline.papers).toBe(await allPapers(baseline));
  for (const point of body.window!.points) expect(point.papers).toBe(await allPapers(point.digests));
  for (const topic of [...body.topics.rising, ...body.topics.falling]) {
    expect([topic.slug, topic.recent.papers]).toEqual([topic.slug, await topicPapers(recent, topic.slug)]);
    expect([topic.slug, topic.baseline.papers]).toEqual([topic.slug, await topicPapers(baseline, topic.slug)]);
    const points = await Promise.all(body.window!.points.map((p) => topicPapers(p.digests, topic.slug)));
    expect(topic.points.map((p) => p.papers)).toEqual(points);
  }
  for (const phrase of [...body.phrases.rising, ...body.phrases.firstTime]) {
    expect([phrase.phrase, phrase.recent.papers]).toEqual([phrase.phrase, await phrasePapers(recent, phrase.phrase)]);
    expect([phrase.phrase, phrase.baseline.papers]).toEqual([phrase.phrase, await phrasePapers(baseline, phrase.phrase)]);
  }
}

/** DigestTopic and DigestPhrase hold, for every digest, what its papers' topics and phrases say now. */
async function expectDigestCountsFromPapers() {
  const appearances = await env.db.appearance.findMany({ include: { paper: { include: { topics: true, phrases: true } } } });
  const topics = new Map<string, number>();
  const phrases = new Map<string, number>();
  for (const a of appearances) {
    for (const t of a.paper.topics)
      topics.set(`${a.digestId} ${t.topicSlug}`, (topics.get(`${a.digestId} ${t.topicSlug}`) ?? 0) + 1);
    for (const p of a.paper.phrases)
      phrases.set(`${a.digestId} ${p.phrase}`, (phrases.get(`${a.digestId} ${p.phrase}`) ?? 0) + 1);
  }
  const stored = async <T extends { digestId: string; papers: number }>(rows: Promise<T[]>, term: (row: T) => string) =>
    new Map((await rows).map((r) => [`${r.digestId} ${term(r)}`, r.papers]));
  expect(await stored(env.db.digestTopic.findMany(), (r) => r.topicSlug)).toEqual(topics);
  expect(await stored(env.db.digestPhrase.findMany(), (r) => r.phrase)).toEqual(phrases);
}

const listed = (body: TrendsResponse) => [...body.phrases.rising, ...body.phrases.firstTime].map((p) => p.phrase);

beforeAll(async () => {
  await ingestFiles(targets, { files: SEED_FILES });
});
afterAll(() => env.cleanup());

describe(`trends on ${onPostgres() ? "PostgreSQL" : "SQLite"}`, () => {
  it("stores each paper's key phrases at ingest, as the tagger finds them", async () => {
    const tagger = createTopicTagger(await loadTopicConfig());
    const papers = await env.db.paper.findMany({ include: { phrases: true }, orderBy: { slug: "asc" } });
    expect(papers).toHaveLength(390);
    for (const paper of papers) {
      const expected = keyPhrases(
        tagger.tag(paper.title, paper.abstract).flatMap((t) => t.evidence),
        paper.title,
        paper.abstract,
      );
      expect([paper.slug, paper.phrases.map((p) => p.phrase).sort()]).toEqual([paper.slug, expected]);
    }
    expect(await env.db.paperPhrase.count()).toBeGreaterThan(390);
    await expectDigestCountsFromPapers();
  });

  it("compares the last seed digest with the four before it, counting what the database counts", async () => {
    const { status, body } = await trends();
    expect(status).toBe(200);
    const ids = await digestIds();
    expect(body).toMatchObject({ unit: "digests", reason: null });
    expect(body.window).toMatchObject({ recentSize: 1, baselineSize: 5, chosenByData: true });
    expect(body.window!.recent).toMatchObject({ digests: ids.slice(-1), name: "the last digest" });
    expect(body.window!.baseline).toMatchObject({ digests: ids.slice(0, -1), name: "the previous 4 digests" });
    expect(body.topics.rising.length + body.topics.falling.length).toBeGreaterThan(5);
    expect(body.phrases.rising.length).toBeGreaterThan(0);
    await expectCountsFromDatabase(body);
    expect(listed(body)).not.toContain(PHRASE);
  });

  it("answers 400 for windows it cannot make, naming the parameter", async () => {
    for (const [query, param] of [
      ["?window=weeks", "window"],
      ["?recent=2", "recent"],
      ["?window=digests&baseline=0", "baseline"],
      ["?window=digests&recent=11", "recent"],
      // the seeds carry no dates
      ["?window=days", "window"],
    ] as const) {
      const { status, body } = await trends(query);
      expect([query, status, body.param]).toEqual([query, 400, param]);
      expect(body.error).toMatch(new RegExp(`^invalid parameter "${param}": `));
    }
  });

  it("after a further ingest, compares the new digest with the five before it and finds its phrase new", async () => {
    const file = writeDigest("2026-01-15.txt", "Jan 15", [1, 2, 3, 4].map(splattingPaper).concat([otherPaper(1), otherPaper(2)]));
    const tagger = createTopicTagger(await loadTopicConfig());
    const [title, , abstract] = splattingPaper(1).split("\n") as [string, string, string];
    expect(
      keyPhrases(
        tagger.tag(title, abstract).flatMap((t) => t.evidence),
        title,
        abstract,
      ),
    ).toContain(PHRASE);
    expect((await ingestFiles(targets, { files: [file] })).newPapers).toBe(6);

    const { body } = await trends();
    const ids = await digestIds();
    expect(ids.at(-1)).toBe("2026-01-15");
    expect(body.window!.recent.digests).toEqual(["2026-01-15"]);
    expect(body.window!.baseline).toMatchObject({ digests: ids.slice(0, 5), name: "the previous 5 digests" });
    expect(body.phrases.firstTime).toContainEqual({
      phrase: PHRASE,
      recent: { papers: 4, share: 0.6667 },
      baseline: { papers: 0, share: 0 },
      search: `/search?q=${encodeURIComponent(`"${PHRASE}"`)}`,
      explanation: "4 papers in the last digest, none in any digest before",
    });
    expect(body.topics.rising.map((t) => t.slug)).toContain("computer-vision");
    await expectCountsFromDatabase(body);
    await expectDigestCountsFromPapers();
  });

  it("after one more, the phrase has been seen: it rose, and papers listed twice count once", async () => {
    // Two new papers, and one of the day before listed again.
    const file = writeDigest("2026-01-16.txt", "Jan 16", [5, 6, 1].map(splattingPaper));
    expect((await ingestFiles(targets, { files: [file] })).newPapers).toBe(2);

    const { body } = await trends();
    expect(body.window!.recent.digests).toEqual(["2026-01-16"]);
    expect(body.phrases.firstTime.map((p) => p.phrase)).not.toContain(PHRASE);
    expect(body.phrases.rising.find((p) => p.phrase === PHRASE)).toMatchObject({
      recent: { papers: 3 },
      baseline: { papers: 4 },
      explanation: "3 papers in the last digest vs 4 in the previous 5 digests",
    });
    await expectCountsFromDatabase(body);

    // The last two digests together: six papers, the one listed in both counted once.
    const two = await trends("?window=digests&recent=2&baseline=5");
    expect(two.body.window!.recent).toMatchObject({
      digests: ["2026-01-15", "2026-01-16"],
      papers: 8,
      name: "the last 2 digests",
    });
    expect(two.body.phrases.firstTime.find((p) => p.phrase === PHRASE)).toMatchObject({
      recent: { papers: 6 },
      explanation: "6 papers in the last 2 digests, none in any digest before",
    });
    await expectCountsFromDatabase(two.body);
    await expectDigestCountsFromPapers();
  });

  it("counts in days once digests are dated, and says when there is nothing before", async () => {
    const week = await trends("?window=days");
    expect(week.status).toBe(200);
    expect(week.body).toMatchObject({
      unit: "days",
      window: null,
      reason: "No digest is dated in the 28 days before the last 7 days: nothing to compare with.",
      topics: { rising: [], falling: [] },
    });
    // The default windows stay in digests: the days before the last week hold no digest.
    expect((await trends()).body.unit).toBe("digests");

    const day = await trends("?window=days&recent=1&baseline=7");
    expect(day.body.window!.recent).toMatchObject({ digests: ["2026-01-16"], name: "the last day", span: "16 January 2026" });
    expect(day.body.window!.baseline).toMatchObject({ digests: ["2026-01-15"], name: "the previous 7 days" });
    expect(day.body.phrases.rising.find((p) => p.phrase === PHRASE)?.explanation).toBe(
      "3 papers in the last day vs 4 in the previous 7 days",
    );
    await expectCountsFromDatabase(day.body);
  });

  it("makes the key phrases of papers stored before they existed at the next ingest, and says so", async () => {
    const some = await env.db.paper.findMany({ where: { phrases: { some: {} } }, select: { id: true }, take: 25 });
    const before = await env.db.paperPhrase.findMany({ orderBy: [{ paperId: "asc" }, { phrase: "asc" }] });
    // As a database migrated from before trends has them: no phrases, version 0.
    const ids = some.map((p) => p.id);
    await env.db.paperPhrase.deleteMany({ where: { paperId: { in: ids } } });
    await env.db.paper.updateMany({ where: { id: { in: ids } }, data: { phrasesVersion: 0 } });
    expect((await trends()).body.papersWithoutPhrases).toBe(25);

    const heard: number[] = [];
    const summary = await ingestFiles(targets, { files: [SEED_FILES[0]!] }, { phrasesBackfill: (n) => heard.push(n) });
    expect(heard).toEqual([25]);
    expect(summary.phrasesBackfilled).toBe(25);
    expect(await env.db.paperPhrase.findMany({ orderBy: [{ paperId: "asc" }, { phrase: "asc" }] })).toEqual(before);
    expect((await trends()).body.papersWithoutPhrases).toBe(0);
    await expectDigestCountsFromPapers();
    // Nothing left to do the next time.
    expect((await ingestFiles(targets, { files: [SEED_FILES[0]!] })).phrasesBackfilled).toBe(0);
  });

  it("keeps a paper's key phrases in step when a newer digest changes its text", async () => {
    const title = "Instruction Tuning Language Models with Feedback 1";
    const phrasesOf = async () =>
      (await env.db.paper.findFirstOrThrow({ where: { title }, include: { phrases: true } })).phrases.map((p) => p.phrase).sort();
    expect(await phrasesOf()).not.toContain("mixture of experts");
    const changed = [
      title,
      "",
      "We route tokens through a sparse mixture of experts (MoE) and fine-tune the experts with human feedback. " +
        "The mixture of experts keeps inference cheap while large language models improve on reasoning benchmarks.",
    ].join("\n");
    const file = writeDigest("2026-01-17.txt", "Jan 17", [changed]);
    expect(await ingestFiles(targets, { files: [file] })).toMatchObject({ newPapers: 0, updatedPapers: 1 });
    expect(await phrasesOf()).toEqual(expect.arrayContaining(["mixture of experts", "moe"]));
    const { body } = await trends();
    expect(body.window!.recent.digests).toEqual(["2026-01-17"]);
    await expectCountsFromDatabase(body);
    await expectDigestCountsFromPapers();
  });

  it("follows an editor's topic correction at once", async () => {
    const tagger = createTopicTagger(await loadTopicConfig());
    const paper = await env.db.paper.findFirstOrThrow({
      where: { title: "Fast Gaussian Splatting for Scene 5" },
      include: { topics: true },
    });
    const before = await trends("?window=digests&recent=2&baseline=5");
    const added = (await env.db.topic.findMany()).find((t) => !paper.topics.some((p) => p.topicSlug === t.slug))!.slug;
    const result = await correctTopics(env.db, env.search, env.indexUid, tagger, {
      slug: paper.slug,
      action: "add",
      topicSlug: added,
    });
    expect(result.ok).toBe(true);
    const after = await trends("?window=digests&recent=2&baseline=5");
    const papersOf = (body: TrendsResponse) =>
      [...body.topics.rising, ...body.topics.falling].find((t) => t.slug === added)?.recent.papers ?? 0;
    expect(papersOf(after.body)).toBe(papersOf(before.body) + 1);
    await expectCountsFromDatabase(after.body);
    await expectDigestCountsFromPapers();
  });
});
