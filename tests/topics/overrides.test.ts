import { describe, expect, it } from "vitest";
import { additionBlocked, checkCorrection, effectiveTopics } from "@/lib/topics/overrides";
import { highlightEvidence } from "@/lib/topics/highlight-evidence";

const rule = (slug: string, score = 5) => ({
  slug,
  score,
  evidence: [{ phrase: slug, field: "abstract" as const, weight: score }],
});

describe("effectiveTopics", () => {
  it("removes, adds and marks the source of each topic", () => {
    const topics = effectiveTopics(
      [rule("a"), rule("b")],
      [
        { topicSlug: "b", action: "remove" },
        { topicSlug: "c", action: "add" },
      ],
    );
    expect(topics.map((t) => [t.slug, t.source])).toEqual([
      ["c", "manual"],
      ["a", "rule"],
    ]);
  });

  it("keeps the evidence when an editor adds a topic the rules also found", () => {
    const [added] = effectiveTopics([rule("a", 7)], [{ topicSlug: "a", action: "add" }]);
    expect(added).toMatchObject({ slug: "a", score: 7, source: "manual" });
  });

  it("keeps an editor's additions when the rules give four topics", () => {
    const topics = effectiveTopics([rule("a"), rule("b"), rule("c"), rule("d")], [{ topicSlug: "e", action: "add" }]);
    expect(topics.map((t) => t.slug)).toEqual(["e", "a", "b", "c"]);
  });
});

describe("checkCorrection", () => {
  const known = new Set(["a", "b", "c", "d", "e"]);
  const current = [{ slug: "a" }, { slug: "b" }];

  it("allows adding a new topic and removing one of several", () => {
    expect(checkCorrection("add", "c", current, [], known)).toBeNull();
    expect(checkCorrection("remove", "a", current, [], known)).toBeNull();
  });

  it("refuses unknown topics, no-ops, a fifth topic and removing the last", () => {
    expect(checkCorrection("add", "zz", current, [], known)).toEqual({ kind: "unknown-topic" });
    expect(checkCorrection("add", "a", current, [], known)).toEqual({ kind: "already" });
    expect(checkCorrection("remove", "c", current, [], known)).toEqual({ kind: "already" });
    const four = ["a", "b", "c", "d"].map((slug) => ({ slug }));
    expect(checkCorrection("add", "e", four, [], known)).toEqual({ kind: "too-many" });
    expect(checkCorrection("remove", "a", [{ slug: "a" }], [], known)).toEqual({ kind: "last-topic" });
  });

  it("undoes only what was corrected", () => {
    expect(checkCorrection("undo", "a", current, [], known)).toEqual({ kind: "nothing-to-undo" });
    expect(checkCorrection("undo", "a", current, [{ topicSlug: "a", action: "remove" }], known)).toBeNull();
  });
});

describe("additionBlocked", () => {
  const slugs = (...s: string[]) => s.map((slug) => ({ slug }));

  it("says why nothing can be added exactly when checkCorrection refuses every addition", () => {
    const cases: [string[], string[], ReturnType<typeof additionBlocked>][] = [
      [["a", "b"], ["a", "b", "c", "d", "e"], null],
      [["a", "b", "c"], ["a", "b", "c", "d", "e"], null],
      [["a", "b", "c", "d"], ["a", "b", "c", "d", "e"], "too-many"],
      [["a", "b"], ["a", "b"], "none-left"],
      [["a", "b", "c", "d"], ["a", "b", "c", "d"], "too-many"],
    ];
    for (const [current, taxonomy, expected] of cases) {
      expect(additionBlocked(slugs(...current), slugs(...taxonomy)), current.join()).toBe(expected);
      const allowed = taxonomy.filter((t) => checkCorrection("add", t, slugs(...current), [], new Set(taxonomy)) === null);
      expect(allowed.length === 0, current.join()).toBe(expected !== null);
    }
  });
});

describe("highlightEvidence", () => {
  it("marks phrases in the original text whatever their case, hyphens or plural", () => {
    expect(highlightEvidence("Fine-Tuning diffusion Models works.", ["fine tuning", "diffusion model"])).toEqual([
      { text: "Fine-Tuning", match: true },
      { text: " ", match: false },
      { text: "diffusion Models", match: true },
      { text: " works.", match: false },
    ]);
  });

  it("does not mark a phrase inside a longer word", () => {
    expect(highlightEvidence("Organic gans and organs.", ["gan"])).toEqual([
      { text: "Organic ", match: false },
      { text: "gans", match: true },
      { text: " and organs.", match: false },
    ]);
  });

  it("returns the text whole without phrases", () => {
    expect(highlightEvidence("Plain.", [])).toEqual([{ text: "Plain.", match: false }]);
  });
});
