import { describe, expect, it } from "vitest";
import { staticPackages } from "../support/static-imports";

// The search page carries the Save this search control on every visit, and /saved its manager:
// neither should carry the validator, which loads after the page (lib/saved-searches/schema.ts).

describe("what saved searches load with a page", () => {
  it.each(["components/saved-searches/save-search.tsx", "components/saved-searches/saved-searches-manager.tsx"])(
    "%s loads no zod",
    (entry) => {
      const packages = [...staticPackages(entry).keys()];
      expect(packages.filter((name) => name === "zod" || name.startsWith("zod/"))).toEqual([]);
      expect(packages.filter((name) => !["react", "next/link"].includes(name))).toEqual([]);
    },
  );
});
