import { describe, expect, it } from "vitest";
import { parseQuery } from "@/lib/search/query-syntax";

describe("parseQuery", () => {
  it("reads plain words, lower case and without repeats", () => {
    expect(parseQuery("Diffusion  memorization diffusion")).toEqual({
      words: ["diffusion", "memorization"],
      phrases: [],
      excluded: [],
    });
  });

  it("reads a quoted phrase as one term, and a quoted word as a word", () => {
    expect(parseQuery('"Chain of  Thought" prompting "llm"')).toEqual({
      words: ["prompting", "llm"],
      phrases: ["chain of thought"],
      excluded: [],
    });
    // Hyphens separate words inside a phrase as spaces do.
    expect(parseQuery('"chain-of-thought"').phrases).toEqual(["chain of thought"]);
  });

  it("runs an unclosed quote to the end of the query", () => {
    expect(parseQuery('reasoning "chain of thought')).toEqual({
      words: ["reasoning"],
      phrases: ["chain of thought"],
      excluded: [],
    });
  });

  it("excludes a word or a phrase after a minus at the start of a word", () => {
    expect(parseQuery('reasoning -Survey -"large language" -self-play')).toEqual({
      words: ["reasoning"],
      phrases: [],
      excluded: ["survey", "large language", "self play"],
    });
  });

  it("takes a minus inside a word or before a space as no minus", () => {
    expect(parseQuery("self-play - survey")).toEqual({ words: ["self", "play", "survey"], phrases: [], excluded: [] });
  });

  it("ignores empty quotes and punctuation", () => {
    expect(parseQuery('"" - -"" ?!')).toEqual({ words: [], phrases: [], excluded: [] });
  });
});
