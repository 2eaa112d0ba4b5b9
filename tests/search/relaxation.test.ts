import { describe, expect, it } from "vitest";
import { idfTable } from "@/lib/embeddings/idf-table";
import { terms } from "@/lib/embeddings/terms";
import { relaxedQueries, wantedTerms } from "@/lib/search/relaxation";
import { parseQuery } from "@/lib/search/query-syntax";
import { cropAroundTerms, markTerms } from "@/lib/search/term-highlight";
import { segmentsToText, toSegments } from "@/lib/search/highlight";

describe("the relaxed queries", () => {
  const query = "how can protected images stay unlearnable when attackers use different labels";
  const ladderOf = (q: string) => relaxedQueries(parseQuery(q)).filter((r) => r.matchingStrategy === "frequency");
  const pairsOf = (q: string) => relaxedQueries(parseQuery(q)).filter((r) => r.matchingStrategy === "all");
  const table = idfTable();
  const idf = (word: string) => table.idf[terms(word)[0]!] ?? table.unknownIdf;

  it("step down a ladder that leaves out the rarest word, then the two rarest, each step weighing less", () => {
    const ladder = ladderOf(query);
    expect(ladder.map((s) => s.leftOut.length)).toEqual([1, 2]);
    expect(ladder[1]!.leftOut.slice(0, 1)).toEqual(ladder[0]!.leftOut);
    expect(ladder[0]!.weight).toBeGreaterThan(ladder[1]!.weight);
    expect(ladder[0]!.weight).toBeLessThan(1);
    // Rarity by the committed corpus IDF table (words it does not know count as rarest).
    expect(idf(ladder[1]!.leftOut[0]!)).toBeGreaterThanOrEqual(idf(ladder[1]!.leftOut[1]!));
    expect(ladder[1]!.leftOut).toContain("unlearnable");
    // Stop words never go.
    expect(ladder[1]!.q.split(" ")).toEqual(expect.arrayContaining(["how", "can", "when", "use", "images"]));
  });

  it("pair every two of the five rarest words, both required, the second by its stem", () => {
    const pairs = pairsOf(query);
    // Seven plain words count (how, can, when, use are stop words): the five rarest make ten pairs.
    expect(pairs).toHaveLength(10);
    const counted = parseQuery(query).words.filter((w) => terms(w).length > 0);
    expect(counted).toHaveLength(7);
    // Each pair is written "rarer other", the other word as a prefix Meilisearch matches in any form.
    const wordOf = (written: string) => counted.find((w) => w === written || w.startsWith(written))!;
    const paired = pairs.map((p) => p.q.split(" ").map(wordOf));
    const rarest = new Set(paired.flat());
    expect(rarest.size).toBe(5);
    expect(rarest).toContain("unlearnable");
    for (const word of counted) if (!rarest.has(word)) for (const r of rarest) expect(idf(r)).toBeGreaterThanOrEqual(idf(word));
    expect(new Set(paired.map((p) => [...p].sort().join(" "))).size).toBe(10);
    for (const [i, pair] of pairs.entries()) {
      expect(pair.q.split(" ")).toHaveLength(2);
      expect(pair.weight).toBeLessThan(ladderOf(query).at(-1)!.weight);
      expect(pair.leftOut).not.toContain(paired[i]![0]);
    }
    // "attackers" ends a pair as "attack": its stem, so "attacks" and "attacked" match too.
    expect(pairs.map((p) => p.q)).toContainEqual(expect.stringMatching(/ attack$/));
  });

  it("treat words of one stem as one term", () => {
    const relaxed = relaxedQueries(parseQuery("teaching robots to grasp by grasping unseen objects"));
    // No pair of one word twice, and no query twice.
    for (const pair of pairsOf("teaching robots to grasp by grasping unseen objects")) {
      const [a, b] = pair.q.split(" ");
      expect(terms(a!)[0]).not.toBe(terms(b!)[0]);
    }
    expect(new Set(relaxed.map((r) => r.q)).size).toBe(relaxed.length);
    // A step that leaves out "grasp" leaves out "grasping" too.
    for (const step of ladderOf("teaching robots to grasp by grasping unseen objects")) {
      if (step.leftOut.includes("grasp")) expect(step.q).not.toMatch(/grasp/);
    }
  });

  it("keep phrases and exclusions as written", () => {
    const relaxed = relaxedQueries(parseQuery('grokking robot manipulation "flow matching" -survey -"large language"'));
    expect(relaxed.filter((r) => r.matchingStrategy === "all").length).toBeGreaterThan(0);
    for (const r of relaxed) {
      expect(r.q).toContain('"flow matching"');
      expect(r.q).toContain("-survey");
      expect(r.q).toContain('-"large language"');
    }
  });

  it("are none for a query of two words", () => {
    expect(relaxedQueries(parseQuery("grokking transformers"))).toEqual([]);
  });

  it("wants the words and phrases of a query, not what it excludes", () => {
    expect([...wantedTerms(parseQuery('robot "flow matching" -survey'))].sort()).toEqual(["flow", "match", "robot"]);
  });
});

describe("highlights of a relaxed search", () => {
  const wanted = wantedTerms(parseQuery("memorizing diffusion models"));

  it("marks every word whose stem the query asks for, whatever its ending", () => {
    const segments = toSegments(markTerms("Memorization in Diffusion Models", wanted));
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(["Memorization", "Diffusion", "Models"]);
    expect(segmentsToText(segments)).toBe("Memorization in Diffusion Models");
  });

  it("crops around the densest run of matches and says where text was cut", () => {
    const filler = Array.from({ length: 60 }, (_, i) => `word${i}`).join(" ");
    const text = `${filler} diffusion models memorize training images. ${filler}`;
    const cropped = segmentsToText(toSegments(cropAroundTerms(text, wanted, 10)));
    expect(cropped.startsWith("…")).toBe(true);
    expect(cropped.endsWith("…")).toBe(true);
    expect(cropped).toContain("diffusion models memorize");
    expect(cropped.split(/\s+/).length).toBeLessThanOrEqual(11);
  });

  it("leaves a short text whole", () => {
    expect(segmentsToText(toSegments(cropAroundTerms("Diffusion models.", wanted, 36)))).toBe("Diffusion models.");
  });
});
