import { describe, expect, it } from "vitest";
import { idfTable } from "@/lib/embeddings/idf-table";
import { terms } from "@/lib/embeddings/terms";
import { relaxationLadder, wantedTerms } from "@/lib/search/relaxation";
import { parseQuery } from "@/lib/search/query-syntax";
import { cropAroundTerms, markTerms } from "@/lib/search/term-highlight";
import { segmentsToText, toSegments } from "@/lib/search/highlight";

describe("the relaxation ladder", () => {
  it("leaves out the rarest words first, one more each step, and keeps two words", () => {
    const ladder = relaxationLadder(parseQuery("how can protected images stay unlearnable when attackers use different labels"));
    // Seven plain words that count (how, can, when, use are stop words): five steps leave two.
    expect(ladder.map((s) => s.leftOut.length)).toEqual([1, 2, 3, 4, 5]);
    // Rarity by the committed corpus IDF table; "how", "can", "when" and "use" are stop words and never go.
    const table = idfTable();
    const idf = (word: string) => table.idf[terms(word)[0]!] ?? table.unknownIdf;
    const leftOut = ladder.at(-1)!.leftOut;
    for (let i = 1; i < leftOut.length; i++) expect(idf(leftOut[i - 1]!)).toBeGreaterThanOrEqual(idf(leftOut[i]!));
    expect(leftOut).toContain("unlearnable");
    expect(leftOut).not.toContain("images");
    expect(ladder.at(-1)!.q.split(" ")).toEqual(expect.arrayContaining(["how", "can", "when", "use", "images"]));
    for (let i = 1; i < ladder.length; i++) expect(ladder[i]!.leftOut.slice(0, i)).toEqual(ladder[i - 1]!.leftOut);
  });

  it("keeps phrases and exclusions as written", () => {
    const ladder = relaxationLadder(parseQuery('grokking robot manipulation "flow matching" -survey -"large language"'));
    expect(ladder.length).toBeGreaterThan(0);
    for (const step of ladder) {
      expect(step.q).toContain('"flow matching"');
      expect(step.q).toContain("-survey");
      expect(step.q).toContain('-"large language"');
    }
  });

  it("has no step for a query of two words", () => {
    expect(relaxationLadder(parseQuery("grokking transformers"))).toEqual([]);
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
