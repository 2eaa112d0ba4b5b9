import { describe, expect, it } from "vitest";
import { escapeXml, toAtom } from "@/lib/export/atom";
import { escapeBibtex, toBibtex } from "@/lib/export/bibtex";
import { toCsv } from "@/lib/export/csv";
import type { ExportPaper } from "@/lib/export/types";

const paper = (over: Partial<ExportPaper> = {}): ExportPaper => ({
  slug: "a-study-of-things",
  title: "A Study of Things",
  abstract: "We study things.",
  codeUrl: "https://github.com/a/b",
  topics: ["reasoning"],
  digests: [{ id: "000_x", fileName: "000_x.txt", label: "Mar 12", publishedOn: null, position: 3 }],
  firstSeenAt: "2026-03-12T10:00:00.000Z",
  ...over,
});

describe("toCsv", () => {
  it("writes a header and one row per paper", () => {
    expect(toCsv([paper()], "https://x.org")).toBe(
      "slug,title,abstract,code_url,topics,digests,first_seen,url\r\n" +
        "a-study-of-things,A Study of Things,We study things.,https://github.com/a/b,reasoning,000_x,2026-03-12,https://x.org/papers/a-study-of-things\r\n",
    );
  });

  it("quotes commas, quotes and line breaks, and defuses formulas", () => {
    const row = toCsv([paper({ title: 'Say "hi", twice', abstract: "=HYPERLINK(1)\nsecond line" })], "o").split("\r\n")[1]!;
    expect(row).toContain('"Say ""hi"", twice"');
    expect(row).toContain(`"'=HYPERLINK(1)\nsecond line"`);
  });
});

describe("toBibtex", () => {
  it("writes @misc entries with escaped fields and unique keys", () => {
    const bib = toBibtex([paper({ title: "50% of {things} & more_stuff" }), paper()], "https://x.org");
    expect(bib).toContain("@misc{astudyofthings,");
    expect(bib).toContain("@misc{astudyofthings2,");
    expect(bib).toContain("title = {50\\% of \\{things\\} \\& more\\_stuff}");
    expect(bib).toContain("howpublished = {\\url{https://github.com/a/b}}");
    expect(bib).toContain("note = {Daily papers digest Mar 12, position 3}");
  });

  it("escapes every BibTeX special character", () => {
    expect(escapeBibtex("\\ { } % & # _ $ ~ ^")).toBe(
      "\\textbackslash{} \\{ \\} \\% \\& \\# \\_ \\$ \\textasciitilde{} \\textasciicircum{}",
    );
  });
});

describe("toAtom", () => {
  const context = {
    origin: "https://x.org",
    searchUrl: "https://x.org/search?q=a&topic=b",
    feedUrl: "https://x.org/search/feed.xml?q=a&topic=b",
    query: "a <b>",
    generatedAt: new Date("2026-01-01T00:00:00Z"),
  };

  it("escapes markup and keeps entries in order", () => {
    const xml = toAtom([paper({ title: "<script>alert(1)</script>" }), paper({ slug: "second" })], context);
    expect(xml).toContain("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>");
    expect(xml).toContain('<link rel="self" href="https://x.org/search/feed.xml?q=a&amp;topic=b"/>');
    expect(xml).toContain("<title>Paperdex: “a &lt;b&gt;”</title>");
    expect(xml.indexOf("a-study-of-things")).toBeLessThan(xml.indexOf("/papers/second"));
    expect(xml).not.toContain("<script>");
  });

  it("drops characters XML forbids", () => {
    expect(escapeXml("a\u0001b\u0008c")).toBe("abc");
  });
});
