import { describe, expect, it } from "vitest";
import { buildFilter, quoteFilterValue } from "@/lib/search/filters";

describe("quoteFilterValue", () => {
  it("wraps values in double quotes", () => {
    expect(quoteFilterValue("reasoning")).toBe('"reasoning"');
  });

  it("escapes quotes and backslashes so a value cannot end the string", () => {
    expect(quoteFilterValue('x" OR topics != "y')).toBe('"x\\" OR topics != \\"y"');
    expect(quoteFilterValue("a\\")).toBe('"a\\\\"');
    expect(quoteFilterValue('\\"')).toBe('"\\\\\\""');
  });
});

describe("buildFilter", () => {
  const selection = { topic: ["reasoning", "code-generation"], digest: ["000_x"], hasCode: true };

  it("ORs values within a facet and ANDs the facets", () => {
    expect(buildFilter(selection)).toEqual([
      ['topics = "reasoning"', 'topics = "code-generation"'],
      ['digests = "000_x"'],
      ['hasCode = "true"'],
    ]);
  });

  it("leaves one facet out for its disjunctive counts", () => {
    expect(buildFilter(selection, "topic")).toEqual([['digests = "000_x"'], ['hasCode = "true"']]);
  });

  it("is empty when nothing is selected", () => {
    expect(buildFilter({ topic: [], digest: [], hasCode: undefined })).toEqual([]);
  });

  it("keeps papers first stored at or after `since`, in every facet's counts", () => {
    const since = Date.UTC(2026, 10, 23);
    expect(buildFilter({ ...selection, since })).toEqual([
      ['topics = "reasoning"', 'topics = "code-generation"'],
      ['digests = "000_x"'],
      ['hasCode = "true"'],
      ["firstSeenAt >= 1795392000000"],
    ]);
    expect(buildFilter({ ...selection, since }, "hasCode").at(-1)).toEqual(["firstSeenAt >= 1795392000000"]);
    expect(() => buildFilter({ ...selection, since: Number.NaN })).toThrow(RangeError);
  });

  it("only ever names allow-listed attributes", () => {
    const filter = buildFilter({ topic: ['a" OR x = "b'], digest: [], hasCode: false }).flat();
    expect(filter.every((f) => /^(topics|digests|hasCode) = "/.test(f))).toBe(true);
  });
});
