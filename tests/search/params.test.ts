import { describe, expect, it } from "vitest";
import { searchParamsSchema } from "@/lib/search/params";
import { describeIssue, toRawParams } from "@/lib/api/params";
import { searchHref } from "@/lib/search/url";

const parse = (query: string) => searchParamsSchema.safeParse(toRawParams(new URLSearchParams(query)));
const issue = (query: string) => {
  const result = parse(query);
  return result.success ? null : describeIssue(result.error);
};

describe("searchParamsSchema", () => {
  it("applies defaults", () => {
    expect(parse("").data).toEqual({ q: "", topic: [], digest: [], hasCode: undefined, sort: "relevance", page: 1, perPage: 20 });
  });

  it("reads repeated facets as arrays and coerces numbers and booleans", () => {
    expect(parse("q=%20lora%20&topic=reasoning&topic=code-generation&hasCode=false&page=3&perPage=50&sort=newest").data).toEqual({
      q: "lora",
      topic: ["reasoning", "code-generation"],
      digest: [],
      hasCode: false,
      sort: "newest",
      page: 3,
      perPage: 50,
    });
  });

  it("treats empty form fields as unset", () => {
    expect(parse("q=&hasCode=&page=&topic=").data).toMatchObject({ q: "", hasCode: undefined, page: 1, topic: [] });
  });

  it.each([
    ["page=0", "page", "must be at least 1"],
    ["page=abc", "page", "must be a whole number"],
    ["page=1.5", "page", "must be a whole number"],
    ["perPage=101", "perPage", "must be at most 100"],
    ["sort=random", "sort", "must be one of relevance, newest, oldest, title"],
    ["hasCode=yes", "hasCode", 'must be "true" or "false"'],
    ["q=a&q=b", "q", "expected one value, got several"],
    ['topic=x"%20OR%20topics%20!%3D%20"y', "topic", "must be a topic slug such as large-language-models"],
    ["digest=..%2Fetc", "digest", "must be a digest id (letters, digits, _ and -)"],
    [`q=${"x".repeat(501)}`, "q", "at most 500 characters"],
  ])("refuses %s, naming %s", (query, param, message) => {
    expect(issue(query)).toEqual({ param, message });
  });
});

describe("searchHref", () => {
  const state = { q: "lora", topic: ["reasoning"], digest: [], hasCode: undefined, sort: "relevance" as const, page: 3 };

  it("writes only what differs from the defaults", () => {
    expect(searchHref({ ...state, topic: [], page: 1 })).toBe("/search?q=lora");
  });

  it("resets to page 1 when a filter changes", () => {
    expect(searchHref(state, { topic: ["reasoning", "optimization"] })).toBe("/search?q=lora&topic=reasoning&topic=optimization");
  });

  it("keeps the state when only the page changes", () => {
    expect(searchHref(state, { page: 4 })).toBe("/search?q=lora&topic=reasoning&page=4");
  });

  it("round-trips through the schema", () => {
    const href = searchHref(
      { q: 'a "b" & c', topic: ["x-y"], digest: ["d_1"], hasCode: true, sort: "title", page: 2 },
      { page: 2 },
    );
    expect(parse(href.split("?")[1]!).data).toEqual({
      q: 'a "b" & c',
      topic: ["x-y"],
      digest: ["d_1"],
      hasCode: true,
      sort: "title",
      page: 2,
      perPage: 20,
    });
  });
});
