import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeTitle, parseDigest, readsAsHeading, readsAsProse } from "@/lib/digest";
import { SEED_FILES } from "../support/fixtures";

const seeds = SEED_FILES.map((file) => ({ name: path.basename(file), parsed: parseDigest(readFileSync(file, "utf8")) }));

const ENTRY = (n: number) =>
  `A Study of Thing ${n}\n\nWe study thing ${n} in depth. Our experiments show that it works well. Code is at https://github.com/example/thing${n}.\n`;

describe("parseDigest on the five seed files", () => {
  it("finds 432 entries and 390 distinct papers without problems", () => {
    expect(seeds.flatMap((s) => s.parsed.problems)).toEqual([]);
    const entries = seeds.flatMap((s) => s.parsed.entries);
    expect(entries).toHaveLength(432);
    expect(new Set(entries.map((e) => normalizeTitle(e.title))).size).toBe(390);
  });

  it("counts entries per file", () => {
    expect(seeds.map((s) => [s.name.slice(0, 3), s.parsed.entries.length])).toEqual([
      ["000", 82],
      ["001", 94],
      ["002", 56],
      ["003", 119],
      ["004", 81],
    ]);
  });

  it("keeps the date label without inventing a year", () => {
    expect(seeds.map((s) => s.parsed.label)).toEqual(["Mar 12", "Mar 11", "Mar 11", null, null]);
  });

  it("tells the two layouts apart", () => {
    expect(seeds.map((s) => s.parsed.layout)).toEqual([
      "blank-separated",
      "blank-separated",
      "blank-separated",
      "alternating",
      "blank-separated",
    ]);
  });

  it("unglues the first title from the 'Subscribe' header in 003", () => {
    const first = seeds[3]!.parsed.entries[0]!;
    expect(first.title).toBe("Query Rewriting for Retrieval-Augmented Large Language Models");
    expect(first.line).toBe(3);
    expect(first.abstract).toMatch(/^Large Language Models \(LLMs\) play powerful/);
  });

  it("records positions and title line numbers", () => {
    const entries = seeds[0]!.parsed.entries;
    expect(entries.map((e) => e.position).slice(0, 3)).toEqual([1, 2, 3]);
    expect(entries[0]!.title).toMatch(/^FuseGPT/);
    expect(entries[0]!.line).toBe(11);
    expect(entries[1]!.line).toBe(15);
  });

  it("keeps a title that ends with '!' and contains a '?'", () => {
    const titles = seeds.flatMap((s) => s.parsed.entries.map((e) => e.title));
    expect(titles).toContain("When to Pre-Train Graph Neural Networks? From Data Generation Perspective!");
  });

  it("finds 126 entries that mention a URL", () => {
    const withUrl = seeds.flatMap((s) => s.parsed.entries).filter((e) => /https?:\/\//.test(e.abstract));
    expect(withUrl).toHaveLength(126);
  });

  it("keeps Unicode titles intact", () => {
    const titles = seeds.flatMap((s) => s.parsed.entries.map((e) => e.title));
    expect(titles.some((t) => t.startsWith("u-μP:"))).toBe(true);
  });

  it("accepts titles of 170+ characters", () => {
    const longest = Math.max(...seeds.flatMap((s) => s.parsed.entries.map((e) => e.title.length)));
    expect(longest).toBeGreaterThan(170);
  });
});

describe("parseDigest on edge cases of the format", () => {
  it("handles CRLF, a BOM and trailing spaces", () => {
    const text = "\uFEFFnew  \r\n\r\nSubscribe\r\n\r\nMar 3 \r\n\r\n" + ENTRY(1).replace(/\n/g, "  \r\n");
    const parsed = parseDigest(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.label).toBe("Mar 3");
    expect(parsed.entries).toEqual([
      expect.objectContaining({
        title: "A Study of Thing 1",
        position: 1,
        line: 7,
        codeUrls: ["https://github.com/example/thing1"],
      }),
    ]);
  });

  it("parses a file that has no header at all", () => {
    expect(parseDigest(ENTRY(1) + "\n" + ENTRY(2)).entries).toHaveLength(2);
  });

  it("accepts a 230-character title", () => {
    const title = `A ${"Very ".repeat(44)}Long Title`;
    expect(title.length).toBeGreaterThan(220);
    const parsed = parseDigest(`${title}\n\nWe show things. They work. We release code.\n`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries[0]!.title).toBe(title);
  });

  it("accepts a short one-sentence abstract", () => {
    const parsed = parseDigest("Tiny Paper\n\nWe present a tiny but complete method.\n");
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries).toHaveLength(1);
  });
});

describe("parseDigest on malformed files", () => {
  it("reports an empty file", () => {
    expect(parseDigest("").problems).toEqual([{ message: "the file is empty" }]);
    expect(parseDigest("\n \n\t\n").problems).toEqual([{ message: "the file is empty" }]);
  });

  it("reports a header with no entries", () => {
    expect(parseDigest("new\n\nSubscribe\n\nMar 12\n").problems).toEqual([{ message: "no paper entries after the header" }]);
  });

  it("reports an abstract with no title, with its line", () => {
    const abstract = "We study a thing. It works well. We release the code.";
    const parsed = parseDigest(`${ENTRY(1)}\n${abstract}\n\n${ENTRY(2)}`);
    expect(parsed.problems).toEqual([{ line: 5, message: "an abstract with no title before it" }]);
  });

  it("reports a title with no abstract", () => {
    const parsed = parseDigest(`Lonely Title\n\n${ENTRY(1)}`);
    expect(parsed.problems).toEqual([{ line: 1, message: 'the title "Lonely Title" has no abstract' }]);
  });

  it("reports a file of titles only", () => {
    const parsed = parseDigest("First Title\n\nSecond Title\n\nThird Title\n");
    expect(parsed.entries).toEqual([]);
    expect(parsed.problems.map((p) => p.line)).toEqual([1, 3, 5]);
  });

  it("reports a file cut in the middle of an abstract", () => {
    const parsed = parseDigest(`${ENTRY(1)}\nTitle Two\n\nWe study thing two. It is hard. Our method is the first to`);
    expect(parsed.problems).toEqual([{ line: 7, message: "the last abstract stops mid-sentence (is the file cut short?)" }]);
  });

  it("tells a cut-off abstract of one sentence and a fragment from a title", () => {
    const parsed = parseDigest(`${ENTRY(1)}\nTitle Two\n\nWe study thing two. It behaves as exp`);
    expect(parsed.problems).toEqual([{ line: 7, message: "the last abstract stops mid-sentence (is the file cut short?)" }]);
  });

  it("reports a single 50 MB line with its length", () => {
    const huge = "a".repeat(50 * 1024 * 1024);
    const parsed = parseDigest(`Some Title\n\n${huge}\n`);
    expect(parsed.entries).toEqual([]);
    expect(parsed.problems[0]).toEqual({
      line: 3,
      message: "a line of 52,428,800 characters, longer than any abstract may be (20,000)",
    });
    expect(parsed.problems).toHaveLength(1);
  });

  it("reports a 1 MB title line", () => {
    const parsed = parseDigest(`${"Title ".repeat(200_000)}\n\nWe study it. It works.\n`);
    expect(parsed.problems[0]?.line).toBe(1);
    expect(parsed.problems[0]?.message).toMatch(/^a line of 1,199,999 characters/);
  });
});

describe("title and abstract rules", () => {
  it.each([
    "Scattered or Connected? An Optimized Parameter-efficient Tuning Approach for Information Retrieval",
    "Revisiting Discriminative vs. Generative Classifiers: Theory and Implications",
    "When to Pre-Train Graph Neural Networks? From Data Generation Perspective!",
  ])("reads %s as a heading", (title) => {
    expect(readsAsHeading(title)).toBe(true);
    expect(readsAsProse(title)).toBe(false);
  });

  it("reads every seed abstract as prose and no seed title as prose", () => {
    const entries = seeds.flatMap((s) => s.parsed.entries);
    expect(entries.filter((e) => !readsAsProse(e.abstract))).toEqual([]);
    expect(entries.filter((e) => readsAsProse(e.title))).toEqual([]);
  });
});
