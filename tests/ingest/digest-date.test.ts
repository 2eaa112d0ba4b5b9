import { describe, expect, it } from "vitest";
import { digestDate } from "@/lib/ingest/digest-date";

describe("digestDate", () => {
  it("invents no year: a label alone gives a month-day ordering key only", () => {
    expect(digestDate("Mar 12", undefined)).toEqual({ publishedOn: null, sortKey: 312 });
  });

  it("dates a label with the given year", () => {
    expect(digestDate("Mar 12", 2024)).toEqual({ publishedOn: new Date("2024-03-12T00:00:00Z"), sortKey: 20240312 });
    expect(digestDate("Sept 3", 2023)?.sortKey).toBe(20230903);
  });

  it("has no date without a label, or for an impossible day", () => {
    expect(digestDate(null, 2024)).toEqual({ publishedOn: null, sortKey: 0 });
    expect(digestDate("Feb 30", 2024)).toEqual({ publishedOn: null, sortKey: 230 });
  });
});
