import { describe, expect, it } from "vitest";
import { segmentsToText, toSegments } from "@/lib/search/highlight";
import { HIGHLIGHT_POST as POST, HIGHLIGHT_PRE as PRE } from "@/lib/search/settings";

describe("toSegments", () => {
  it("splits matches from plain text", () => {
    expect(toSegments(`a ${PRE}diffusion${POST} model`)).toEqual([
      { text: "a ", match: false },
      { text: "diffusion", match: true },
      { text: " model", match: false },
    ]);
  });

  it("keeps markup in the text as text", () => {
    const segments = toSegments(`<img src=x onerror=alert(1)> ${PRE}<b>${POST}`);
    expect(segments).toEqual([
      { text: "<img src=x onerror=alert(1)> ", match: false },
      { text: "<b>", match: true },
    ]);
    expect(segmentsToText(segments)).toBe("<img src=x onerror=alert(1)> <b>");
  });

  it("tolerates an unclosed tag", () => {
    expect(toSegments(`x ${PRE}y`)).toEqual([
      { text: "x ", match: false },
      { text: "y", match: true },
    ]);
  });
});
