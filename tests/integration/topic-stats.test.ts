import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import { deployMigrations } from "@/lib/migrations/migrate";
import { topicStats } from "@/lib/papers/topic-stats";
import { dropTestDatabase, testDatabaseUrl } from "../support/database";

// A topic page reads the evidence stored with every paper of the topic. A row whose evidence
// is not what the tagger writes (edited by hand, or by an older version) must not take the
// page down: it shows no phrases, the others still count.

const dir = mkdtempSync(path.join(os.tmpdir(), "paperdex-topic-stats-"));
const databaseUrl = testDatabaseUrl("topicstats", dir);
process.env.DATABASE_URL = databaseUrl;
const db = createDb(databaseUrl);

beforeAll(async () => {
  await deployMigrations(databaseUrl);
  await db.topic.create({ data: { slug: "reasoning", name: "Reasoning", description: "", rank: 1 } });
  const evidence = [
    JSON.stringify([{ phrase: "chain of thought", field: "abstract", weight: 4 }]),
    "not json at all",
    JSON.stringify([{ phrase: 7, field: "nowhere" }]),
    JSON.stringify([{ phrase: "chain of thought", field: "title", weight: 6 }]),
  ];
  for (const [i, json] of evidence.entries()) {
    await db.paper.create({
      data: {
        slug: `paper-${i}`,
        normalizedTitle: `paper ${i}`,
        title: `Paper ${i}`,
        abstract: "An abstract.",
        topics: { create: { topicSlug: "reasoning", score: 1, evidence: json } },
      },
    });
  }
});

afterAll(async () => {
  await db.$disconnect();
  await dropTestDatabase(databaseUrl);
  rmSync(dir, { recursive: true, force: true });
});

describe("topic statistics with stored evidence that does not parse", () => {
  it("counts the phrases of the good rows and skips the bad ones", async () => {
    const stats = await topicStats("reasoning");
    expect(stats.phrases).toEqual([{ phrase: "chain of thought", papers: 2 }]);
  });
});
