import { describe, expect, it } from "vitest";
import { saveTitle } from "@/components/reading-lists/save-button";
import { addEntry, emptyLibrary } from "@/lib/reading-lists/document";
import { NEWER_VERSION } from "@/lib/reading-lists/store";

const NOW = new Date("2026-03-04T05:06:07.000Z");

describe("the save button's title", () => {
  it("says where a click saves, and that it removes when saved", () => {
    const library = emptyLibrary(NOW);
    expect(saveTitle({ status: "ready", library, keptAside: [], readOnly: null }, "a")).toBe("Save to Reading list");
    const saved = addEntry(library, library.defaultListId, "a", NOW);
    expect(saveTitle({ status: "ready", library: saved, keptAside: [], readOnly: null }, "a")).toMatch(/^Saved in Reading list/);
  });

  it("gives the store's reason when saving is impossible, not a missing JavaScript", () => {
    const reason = "this browser does not allow sites to store data";
    expect(saveTitle({ status: "unavailable", reason }, "a")).toBe(`Saving is not possible: ${reason}`);
    const library = emptyLibrary(NOW);
    expect(saveTitle({ status: "ready", library, keptAside: [], readOnly: NEWER_VERSION }, "a")).toBe(NEWER_VERSION);
    expect(saveTitle(null, "a")).toBe("Saving needs JavaScript");
  });
});
