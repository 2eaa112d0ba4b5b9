import { describe, expect, it } from "vitest";
import { staticPackages } from "../support/static-imports";

// /lists and the proxy run on every visit: neither should carry a validator for a number and a URL.

describe("what reading lists load with a page", () => {
  it.each(["components/reading-lists/lists-manager.tsx", "components/reading-lists/save-button.tsx", "proxy.ts"])(
    "%s loads no zod",
    (entry) => {
      const zod = [...staticPackages(entry)].filter(([name]) => name === "zod" || name.startsWith("zod/"));
      expect(zod).toEqual([]);
    },
  );
});
