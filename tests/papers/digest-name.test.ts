import { describe, expect, it } from "vitest";
import { digestName, formatDay } from "@/lib/papers/digest-name";

describe("formatDay", () => {
  it("writes the day, the month's name and the year", () => {
    expect(formatDay("2025-03-18")).toBe("18 March 2025");
    expect(formatDay("2024-12-01")).toBe("1 December 2024");
    expect(formatDay("2025-01-09")).toBe("9 January 2025");
  });

  it("leaves anything that is not a day as it is", () => {
    expect(formatDay("2025-13-01")).toBe("2025-13-01");
    expect(formatDay("soon")).toBe("soon");
  });
});

describe("digestName", () => {
  it("prefers the full date, then the label, then the fallback", () => {
    expect(digestName({ publishedOn: "2025-03-18", label: "Mar 18" }, "x.txt")).toBe("18 March 2025");
    expect(digestName({ publishedOn: null, label: "Mar 18" }, "x.txt")).toBe("Mar 18");
    expect(digestName({ publishedOn: null, label: null }, "x.txt")).toBe("x.txt");
  });
});
