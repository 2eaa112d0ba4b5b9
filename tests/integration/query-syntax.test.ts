import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles } from "@/lib/ingest/ingest";
import { databaseSearch } from "@/lib/search/database-search";
import { searchParamsSchema } from "@/lib/search/params";
import type { PaperDocument } from "@/lib/search/settings";
import { resilientSearch } from "@/lib/search/resilient-search";
import { renderDigest } from "@/scripts/lib/corpus-render";
import { createTestEnv } from "../support/test-env";

// The query syntax the search page documents (SEARCH_TIPS in lib/search/query-syntax.ts),
// against the real Meilisearch through the function /api/search and /search call, and against
// the database search that answers while Meilisearch is down. Results are compared as sets, so
// that any ranking passes; what each search must find is worked out from the text each engine
// searches (Meilisearch: title, topic names and abstract; the database: title and abstract).

const paper = (title: string, abstract: string) => ({ id: title, title, abstract, date: "2025-03-18" });
const PAPERS = [
  paper(
    "Prompting with Chain of Thought",
    "We prompt models to write a chain of thought before they answer. Reasoning improves on arithmetic and language tasks.",
  ),
  paper(
    "Chain-of-Thought Distillation for Small Students",
    "Small students learn reasoning from the chain-of-thought traces of a large language model teacher.",
  ),
  paper(
    "Thought Experiments on a Markov Chain",
    "A thought experiment about a Markov chain that mixes slowly. No reasoning about language is needed.",
  ),
  paper(
    "The Chain of Custody for Training Data",
    "Whose thought shaped a dataset? We trace the chain of custody of training data across releases.",
  ),
  paper("Shorter CoT Traces", "We shorten CoT traces so that answers come faster at the same accuracy."),
  paper(
    "A Survey of Reasoning in Language Models",
    "This survey reviews reasoning benchmarks for language models and what they miss.",
  ),
  paper(
    "Surveys Considered Harmful",
    "Reasoning about the surveys of natural language processing: we count the surveys of each year.",
  ),
  paper(
    "Self-Play for Reasoning in Large Language Models",
    "Large language models improve their reasoning through self-play against earlier versions.",
  ),
  paper("Reasoning Audits for an LLM", "We audit the reasoning and language of an LLM deployed in a clinic."),
  paper("Reasoning over Tables", "Table reasoning with a natural language interface to spreadsheets."),
  paper("Protein Folding with Diffusion", "We fold proteins with a diffusion model that needs no logic at all."),
];

let env: Awaited<ReturnType<typeof createTestEnv>>;
/** The text each engine searches, by slug, in lower case. */
let indexed: Map<string, string>;
let stored: Map<string, string>;

beforeAll(async () => {
  env = await createTestEnv("querysyntax");
  const file = path.join(env.dir, "000_query_syntax.txt");
  writeFileSync(file, renderDigest("Mar 18", PAPERS));
  const summary = await ingestFiles({ db: env.db, search: env.search, indexUid: env.indexUid }, { files: [file] });
  expect(summary).toMatchObject({ failedFiles: 0, newPapers: PAPERS.length, indexed: PAPERS.length, indexError: null });
  const rows = await env.db.paper.findMany({ select: { slug: true, title: true, abstract: true } });
  stored = new Map(rows.map((p) => [p.slug, `${p.title} ${p.abstract}`.toLowerCase()]));
  const { results } = await env.search
    .index<PaperDocument>(env.indexUid)
    .getDocuments({ fields: ["slug", "title", "topicNames", "abstract"], limit: 100 });
  const documents: Pick<PaperDocument, "slug" | "title" | "topicNames" | "abstract">[] = results;
  indexed = new Map(documents.map((d) => [d.slug, `${d.title} ${d.topicNames.join(" ")} ${d.abstract}`.toLowerCase()]));
  expect(indexed.size).toBe(PAPERS.length);
}, 120_000);

afterAll(async () => {
  await env?.cleanup();
});

/** The slugs of the papers whose text passes a test, sorted. */
const slugsWhere = (texts: Map<string, string>, test: (text: string) => boolean) =>
  [...texts]
    .filter(([, text]) => test(text))
    .map(([slug]) => slug)
    .sort();
const papersWhere = (test: (text: string) => boolean) => slugsWhere(indexed, test);
const rowsWhere = (test: (text: string) => boolean) => slugsWhere(stored, test);

const params = (q: string) => searchParamsSchema.parse({ q, perPage: "100" });

/** Every paper a search finds (all fit on one page), as sorted slugs. */
async function meili(q: string): Promise<string[]> {
  const result = await resilientSearch(params(q));
  expect(result.engine).toBe("meilisearch");
  expect(result.total).toBe(result.hits.length);
  return result.hits.map((h) => h.slug).sort();
}
async function fallback(q: string): Promise<string[]> {
  const result = await databaseSearch(params(q));
  expect(result.total).toBe(result.hits.length);
  return result.hits.map((h) => h.slug).sort();
}

const hasPhrase = (text: string) => /\bchain[\s-]+of[\s-]+thought\b/.test(text);
const hasWord = (word: string) => (text: string) => new RegExp(`\\b${word}\\b`).test(text);
const without = (slugs: string[], removed: string[]) => slugs.filter((s) => !removed.includes(s));

describe("query syntax with Meilisearch", () => {
  it('finds a "quoted phrase" only where its words stand together, in order', async () => {
    const phrase = await meili('"chain of thought"');
    expect(phrase).toEqual(papersWhere(hasPhrase));
    expect(phrase.length).toBe(2); // written with spaces, and with hyphens

    // The same words unquoted also find them apart, and the acronym (a synonym).
    const words = await meili("chain of thought");
    expect(words).toEqual(expect.arrayContaining(phrase));
    expect(words).toEqual(expect.arrayContaining(papersWhere((t) => hasWord("chain")(t) && hasWord("thought")(t))));
    expect(words).toEqual(expect.arrayContaining(papersWhere(hasWord("cot"))));
    expect(words.length).toBeGreaterThan(phrase.length);

    // An unclosed quote runs to the end of the query.
    expect(await meili('"chain of thought')).toEqual(phrase);
  });

  it("leaves out every paper with a -word, that exact word only", async () => {
    const all = await meili("reasoning");
    const surveyed = papersWhere(hasWord("survey"));
    expect(all).toEqual(expect.arrayContaining(surveyed));
    expect(surveyed.length).toBeGreaterThan(0);

    const result = await meili("reasoning -survey");
    expect(result).toEqual(without(all, surveyed));
    // "surveys" is another word: its paper stays.
    expect(result).toEqual(expect.arrayContaining(papersWhere(hasWord("surveys"))));

    // Nor does the minus reach an acronym's spelled-out form.
    const llm = papersWhere(hasWord("llm"));
    expect(llm.length).toBeGreaterThan(0);
    expect(await meili("reasoning -llm")).toEqual(without(all, llm));

    // A minus counts only at the start of a word.
    for (const q of ["reasoning - survey", "reasoning-survey"]) {
      expect(await meili(q), q).toEqual(expect.arrayContaining(surveyed));
    }
  });

  it('leaves out every paper with a -"phrase"', async () => {
    const all = await meili("reasoning");
    // Papers with the phrase anywhere Meilisearch searches (a topic name such as "Large
    // Language Models" too): some of them match "reasoning", so the exclusion has work to do.
    const large = papersWhere((t) => /\blarge[\s-]+language\b/.test(t));
    expect(all.filter((slug) => large.includes(slug)).length).toBeGreaterThan(0);
    expect(await meili('reasoning -"large language"')).toEqual(without(all, large));
    // On its own, an exclusion keeps everything else.
    expect(await meili('-"large language"')).toEqual(without([...indexed.keys()].sort(), large));
  });

  it("takes a quoted word as written: no synonyms, typos or prefixes", async () => {
    expect(await meili('"cot"')).toEqual(papersWhere(hasWord("cot")));
    expect(await meili('"reasonin"')).toEqual([]);
    expect(await meili('"protien"')).toEqual([]);
  });

  it("forgives typos and reads the last word as a prefix when unquoted", async () => {
    const protein = papersWhere(hasWord("proteins"));
    expect(protein.length).toBe(1);
    expect(await meili("protien")).toEqual(protein); // one typo in a word of 5 letters or more
    expect(await meili("fold protei")).toEqual(protein);
    // Two typos from 9 letters; none under 5 ("fols" is not "fold").
    expect(await meili("spredshets")).toEqual(papersWhere(hasWord("spreadsheets")));
    expect(await meili("fols")).toEqual([]);
  });
});

describe("query syntax in the database search (Meilisearch down)", () => {
  it('finds a "quoted phrase" written with spaces or hyphens, and not its words apart', async () => {
    const phrase = await fallback('"chain of thought"');
    expect(phrase).toEqual(rowsWhere(hasPhrase));
    expect(phrase.length).toBe(2);
    expect((await fallback("chain thought")).length).toBeGreaterThan(phrase.length);
  });

  it("leaves out every paper containing a -word, even inside a longer word", async () => {
    const all = await fallback("reasoning");
    const surveyed = rowsWhere((t) => t.includes("survey"));
    expect(surveyed.length).toBe(2); // "survey" and "surveys"
    expect(all).toEqual(expect.arrayContaining(surveyed));
    expect(await fallback("reasoning -survey")).toEqual(without(all, surveyed));
  });

  it('leaves out every paper with a -"phrase", and keeps the rest when it stands alone', async () => {
    const all = await fallback("reasoning");
    const large = rowsWhere((t) => /large[\s-]language/.test(t));
    expect(large.length).toBeGreaterThan(0);
    expect(await fallback('reasoning -"large language"')).toEqual(without(all, large));
    expect(await fallback('-"large language"')).toEqual(without([...stored.keys()].sort(), large));
  });
});
