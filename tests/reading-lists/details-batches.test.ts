import { describe, expect, it } from "vitest";
import { detailsInBatches, type PaperDetailsAnswer } from "@/lib/reading-lists/details-batches";
import { MAX_SHARED_PAPERS } from "@/lib/reading-lists/share-link";

const slugs = Array.from({ length: 2 * MAX_SHARED_PAPERS + 50 }, (_, i) => `paper-${i}`);

/** Knows every paper but `paper-3`; the batches whose numbers are in `failing` fail. */
function server(failing: Set<number>, how: "error" | "throw" = "error") {
  const asked: string[][] = [];
  const ask = (chunk: string[]): Promise<PaperDetailsAnswer> => {
    asked.push(chunk);
    if (failing.has(asked.length - 1)) {
      return how === "throw" ? Promise.reject(new Error("offline")) : Promise.resolve({ error: "too busy" });
    }
    const papers = chunk
      .filter((s) => s !== "paper-3")
      .map((slug) => ({ slug, title: slug.toUpperCase(), codeUrl: null, topics: [] }));
    return Promise.resolve({ papers });
  };
  return { ask, asked };
}

describe("paper details in batches", () => {
  it("asks in link-sized batches and marks unknown slugs missing", async () => {
    const { ask, asked } = server(new Set());
    const { found, error, failed } = await detailsInBatches(slugs, ask);
    expect(asked.map((c) => c.length)).toEqual([MAX_SHARED_PAPERS, MAX_SHARED_PAPERS, 50]);
    expect(found.size).toBe(slugs.length);
    expect(found.get("paper-3")).toBe("missing");
    expect(found.get("paper-4")).toMatchObject({ title: "PAPER-4" });
    expect([error, failed]).toEqual([null, 0]);
  });

  it.each(["error", "throw"] as const)("keeps the batches that arrived when one fails (%s) and reports it", async (how) => {
    const { ask, asked } = server(new Set([1]), how);
    const { found, error, failed } = await detailsInBatches(slugs, ask);
    expect(asked).toHaveLength(3);
    expect(found.size).toBe(MAX_SHARED_PAPERS + 50);
    expect(found.get("paper-0")).toMatchObject({ title: "PAPER-0" });
    expect(found.has(`paper-${MAX_SHARED_PAPERS}`)).toBe(false);
    expect(found.get(`paper-${2 * MAX_SHARED_PAPERS}`)).toMatchObject({ title: `PAPER-${2 * MAX_SHARED_PAPERS}` });
    expect(error).toBe(how === "error" ? "too busy" : "the server could not be reached");
    expect(failed).toBe(MAX_SHARED_PAPERS);
  });
});
