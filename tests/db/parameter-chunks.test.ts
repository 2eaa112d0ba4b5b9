import { describe, expect, it } from "vitest";
import { MAX_BOUND_PARAMETERS, parameterChunks } from "@/lib/db";

describe("parameterChunks", () => {
  const items = Array.from({ length: 2_500 }, (_, i) => i);

  it("keeps every statement within SQLite's bound-parameter limit", () => {
    for (const perItem of [1, 3, 7]) {
      const chunks = parameterChunks(items, { perItem });
      expect(chunks.flat()).toEqual(items);
      for (const chunk of chunks) expect(chunk.length * perItem + 99).toBeLessThanOrEqual(MAX_BOUND_PARAMETERS);
    }
  });

  it("uses the room it has: full chunks but the last", () => {
    expect(parameterChunks(items, { perItem: 3, reserved: 0 }).map((c) => c.length)).toEqual([
      333, 333, 333, 333, 333, 333, 333, 169,
    ]);
  });

  it("gives nothing for nothing", () => {
    expect(parameterChunks([])).toEqual([]);
  });
});
