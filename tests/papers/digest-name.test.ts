import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DigestName } from "@/components/digest-name";
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

describe("DigestName", () => {
  const html = (digest: { publishedOn: string | null; label: string | null }, fallback?: string) =>
    renderToStaticMarkup(createElement(DigestName, { digest, fallback }));

  it("marks a known date up as a <time> with its ISO day", () => {
    expect(html({ publishedOn: "2025-03-18", label: "Mar 18" })).toBe('<time dateTime="2025-03-18">18 March 2025</time>');
  });

  it("shows the label, or the fallback, as plain text", () => {
    expect(html({ publishedOn: null, label: "Mar 18" })).toBe("Mar 18");
    expect(html({ publishedOn: null, label: null })).toBe("Undated digest");
    expect(html({ publishedOn: null, label: null }, "000_x.txt")).toBe("000_x.txt");
  });
});
