import { describe, expect, it } from "vitest";
import { createDigestDater, fileNameDate } from "@/lib/ingest/digest-date";

/** Dates a run of [fileName, label] pairs in order; returns each digest's YYYY-MM-DD or null. */
function run(files: [string, string | null][], year?: number): (string | null)[] {
  const date = createDigestDater(year);
  return files.map(([name, label]) => date(name, label).publishedOn?.toISOString().slice(0, 10) ?? null);
}

describe("fileNameDate", () => {
  it("reads an ISO date anywhere in the name", () => {
    expect(fileNameDate("2025-03-18.txt")).toEqual(new Date("2025-03-18T00:00:00Z"));
    expect(fileNameDate("digests/daily_2024-12-31_hf.txt")).toEqual(new Date("2024-12-31T00:00:00Z"));
  });

  it("ignores names without a real date", () => {
    expect(fileNameDate("000_b4ca87912f4c4db7.txt")).toBeNull();
    expect(fileNameDate("2025-02-30.txt")).toBeNull(); // no such day
    expect(fileNameDate("2025-13-01.txt")).toBeNull();
    expect(fileNameDate("12025-03-18.txt")).toBeNull(); // part of a longer number
    expect(fileNameDate("1850-03-18.txt")).toBeNull(); // outside the years a digest may have
  });
});

describe("createDigestDater", () => {
  describe("without a dated file name or --year", () => {
    it("invents no year: a label gives a month-day ordering key only", () => {
      expect(createDigestDater()("000_x.txt", "Mar 12")).toEqual({ publishedOn: null, sortKey: 312, yearFrom: null, note: null });
    });

    it("has no date and sorts first without a label", () => {
      expect(createDigestDater(2024)("000_x.txt", null)).toEqual({ publishedOn: null, sortKey: 0, yearFrom: null, note: null });
    });
  });

  describe("from the file name", () => {
    it("takes the whole date from the name when the label agrees", () => {
      expect(createDigestDater()("2025-03-18.txt", "Mar 18")).toEqual({
        publishedOn: new Date("2025-03-18T00:00:00Z"),
        sortKey: 20250318,
        yearFrom: "file name",
        note: null,
      });
    });

    it("dates a file with no label by its name", () => {
      expect(createDigestDater()("2025-03-18.txt", null)).toMatchObject({ sortKey: 20250318, yearFrom: "file name" });
    });

    it("wins over --year", () => {
      expect(run([["2023-03-18.txt", "Mar 18"]], 2025)).toEqual(["2023-03-18"]);
    });

    it("keeps the label's day when the name disagrees, in the year nearest the name's date, and says so", () => {
      const saved = createDigestDater()("2025-03-19.txt", "Mar 18");
      expect(saved.publishedOn).toEqual(new Date("2025-03-18T00:00:00Z"));
      expect(saved.note).toBe(
        "the file name says 2025-03-19 but the label says \"Mar 18\": dated 2025-03-18 (the label's day, nearest the file name's date)",
      );
      // Saved on New Year's Day, listing the day before: last year's December.
      expect(run([["2025-01-01.txt", "Dec 31"]])).toEqual(["2024-12-31"]);
    });

    it("falls back to the name's date when the label is no real day", () => {
      const date = createDigestDater()("2025-03-18.txt", "Feb 30");
      expect(date.publishedOn).toEqual(new Date("2025-03-18T00:00:00Z"));
      expect(date.note).toMatch(/"Feb 30" is not a day/);
    });
  });

  describe("with --year", () => {
    it("dates the first labelled file with the year", () => {
      expect(createDigestDater(2024)("000_x.txt", "Mar 12")).toEqual({
        publishedOn: new Date("2024-03-12T00:00:00Z"),
        sortKey: 20240312,
        yearFrom: "--year",
        note: null,
      });
      expect(createDigestDater(2023)("a.txt", "Sept 3").sortKey).toBe(20230903);
    });

    it("moves to the next year when the labels go from December to January in file order", () => {
      expect(
        run(
          [
            ["a.txt", "Dec 30"],
            ["b.txt", "Dec 31"],
            ["c.txt", "Jan 1"],
            ["d.txt", "Jan 2"],
          ],
          2024,
        ),
      ).toEqual(["2024-12-30", "2024-12-31", "2025-01-01", "2025-01-02"]);
    });

    it("carries on over months and a second New Year", () => {
      const labels = ["Nov 28", "Dec 24", "Jan 20", "Mar 3", "Jun 10", "Sep 1", "Nov 30", "Jan 5"];
      expect(
        run(
          labels.map((l, i) => [`${i}.txt`, l]),
          2023,
        ),
      ).toEqual(["2023-11-28", "2023-12-24", "2024-01-20", "2024-03-03", "2024-06-10", "2024-09-01", "2024-11-30", "2025-01-05"]);
    });

    it("does not start a new year when files are a little out of order", () => {
      // The seeds: Mar 12 comes before Mar 11 in file-name order.
      expect(
        run(
          [
            ["000.txt", "Mar 12"],
            ["001.txt", "Mar 11"],
            ["002.txt", "Apr 1"],
            ["003.txt", "Mar 31"],
          ],
          2024,
        ),
      ).toEqual(["2024-03-12", "2024-03-11", "2024-04-01", "2024-03-31"]);
    });

    it("steps back a year for files listed newest first", () => {
      expect(
        run(
          [
            ["a.txt", "Jan 2"],
            ["b.txt", "Jan 1"],
            ["c.txt", "Dec 31"],
          ],
          2025,
        ),
      ).toEqual(["2025-01-02", "2025-01-01", "2024-12-31"]);
    });

    it("applies only to files whose names carry no date, and follows its own chain", () => {
      expect(
        run(
          [
            ["x.txt", "Dec 31"],
            ["2021-06-01.txt", "Jun 1"],
            ["y.txt", "Jan 1"],
            ["z.txt", null],
          ],
          2024,
        ),
      ).toEqual(["2024-12-31", "2021-06-01", "2025-01-01", null]);
    });

    it("leaves impossible days undated without losing the run's year", () => {
      expect(
        run(
          [
            ["a.txt", "Feb 29"], // 2023 has none
            ["b.txt", "Feb 30"],
            ["c.txt", "Mar 1"],
          ],
          2023,
        ),
      ).toEqual([null, null, "2023-03-01"]);
      expect(run([["a.txt", "Feb 29"]], 2024)).toEqual(["2024-02-29"]);
    });
  });
});
