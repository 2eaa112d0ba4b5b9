import { describe, expect, it } from "vitest";
import { searchParamsSchema, selectionOf } from "@/lib/search/params";
import { sinceLabel } from "@/lib/search/since-label";
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
    ...["yesterday", "2026-02-30", "2026-11-23T08:00:00", "2026-11-23T25:00:00Z", "1795392000000", "2026-11-23%2008:00:00Z"].map(
      (since) => [
        `since=${since}`,
        "since",
        "must be an ISO 8601 date such as 2026-11-23, or a date-time with a time zone such as 2026-11-23T08:00:00Z",
      ],
    ),
    ["since=2026-11-23&since=2026-11-24", "since", "expected one value, got several"],
  ])("refuses %s, naming %s", (query, param, message) => {
    expect(issue(query)).toEqual({ param, message });
  });

  describe("since", () => {
    it.each([
      ["2026-11-23", Date.UTC(2026, 10, 23)],
      ["2024-02-29", Date.UTC(2024, 1, 29)],
      ["2026-11-23T08:00:00Z", Date.UTC(2026, 10, 23, 8)],
      ["2026-11-23T08:00:00.123%2B01:00", Date.UTC(2026, 10, 23, 7, 0, 0, 123)],
    ])("accepts %s as that moment in the filter selection", (since, time) => {
      const parsed = parse(`since=${since}`);
      expect(parsed.success).toBe(true);
      expect(parsed.data!.since).toBe(decodeURIComponent(since));
      expect(selectionOf(parsed.data!).since).toBe(time);
    });

    it("is unset when absent or empty, and then filters nothing", () => {
      expect(parse("since=").data!.since).toBeUndefined();
      expect(selectionOf(parse("").data!)).not.toHaveProperty("since");
    });
  });
});

describe("sinceLabel", () => {
  it("names a date, and a date-time in UTC", () => {
    expect(sinceLabel("2026-11-23")).toBe("23 Nov 2026");
    expect(sinceLabel("2026-11-23T08:05:00Z")).toBe("23 Nov 2026, 08:05 UTC");
    expect(sinceLabel("2026-11-23T00:30:00+01:00")).toBe("22 Nov 2026, 23:30 UTC");
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

  it("keeps since, and drops it when asked", () => {
    expect(searchHref({ ...state, since: "2026-11-23T08:00:00Z" })).toBe(
      "/search?q=lora&topic=reasoning&since=2026-11-23T08%3A00%3A00Z",
    );
    expect(searchHref({ ...state, since: "2026-11-23" }, { since: undefined })).toBe("/search?q=lora&topic=reasoning");
  });

  it("round-trips through the schema", () => {
    const href = searchHref(
      {
        q: 'a "b" & c',
        topic: ["x-y"],
        digest: ["d_1"],
        hasCode: true,
        since: "2026-11-23T08:00:00+01:00",
        sort: "title",
        page: 2,
      },
      { page: 2 },
    );
    expect(parse(href.split("?")[1]!).data).toEqual({
      q: 'a "b" & c',
      topic: ["x-y"],
      digest: ["d_1"],
      hasCode: true,
      since: "2026-11-23T08:00:00+01:00",
      sort: "title",
      page: 2,
      perPage: 20,
    });
  });
});
