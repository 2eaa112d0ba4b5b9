import { describe, expect, it } from "vitest";
import { staticPackages } from "../support/static-imports";

// /lists and the proxy run on every visit: neither should carry a validator for a number and a URL.

describe("what reading lists load with a page", () => {
  it.each([
    "components/reading-lists/lists-manager.tsx",
    "components/reading-lists/save-button.tsx",
    "components/seen/seen-papers.tsx",
    "components/seen/not-interested-list.tsx",
    "proxy.ts",
  ])("%s loads no zod", (entry) => {
    const zod = [...staticPackages(entry)].filter(([name]) => name === "zod" || name.startsWith("zod/"));
    expect(zod).toEqual([]);
  });

  it("the site header's new-papers link (on every page) loads nothing but React and Next.js", () => {
    expect([...staticPackages("components/seen/new-papers-link.tsx").keys()].sort()).toEqual([
      "next/link",
      "next/navigation",
      "react",
    ]);
  });
});
