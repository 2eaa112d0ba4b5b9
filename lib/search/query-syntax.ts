// The query syntax Meilisearch 1.21 understands, read the way it reads it, for code that must
// honour it without Meilisearch (the database search used while it is down):
//   "chain of thought"   a phrase: these words, in this order (an unclosed quote runs to the end)
//   -survey              no paper containing this word
//   -"large language"    no paper containing this phrase
// A minus counts only at the start of a word ("- survey" and "self-play" are plain words).

export interface ParsedQuery {
  /** Words to find, lower case, without repeats, in query order. */
  words: string[];
  /** Phrases to find: their lower-case words joined by one space. */
  phrases: string[];
  /** Words and phrases (as in `phrases`) that no result may contain. */
  excluded: string[];
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

export function parseQuery(q: string): ParsedQuery {
  const words = new Set<string>();
  const phrases = new Set<string>();
  const excluded = new Set<string>();
  let i = 0;
  while (i < q.length) {
    if (/\s/.test(q[i]!)) {
      i++;
      continue;
    }
    const negated = q[i] === "-" && i + 1 < q.length && !/\s/.test(q[i + 1]!);
    if (negated) i++;
    let text: string;
    let quoted = false;
    if (q[i] === '"') {
      const close = q.indexOf('"', i + 1);
      const end = close < 0 ? q.length : close;
      text = q.slice(i + 1, end);
      quoted = true;
      i = end + 1;
    } else {
      const start = i;
      while (i < q.length && !/\s/.test(q[i]!) && q[i] !== '"') i++;
      text = q.slice(start, i);
    }
    const parts = wordsOf(text);
    if (parts.length === 0) continue;
    if (negated) excluded.add(parts.join(" "));
    else if (quoted && parts.length > 1) phrases.add(parts.join(" "));
    else for (const word of parts) words.add(word);
  }
  return { words: [...words], phrases: [...phrases], excluded: [...excluded] };
}

/**
 * What the search box understands, as the search page's tips list it: each with an example
 * (one that finds papers in the seed digests). Checked against the real server in
 * tests/integration/query-syntax.test.ts.
 */
export const SEARCH_TIPS: { example: string; tip: string }[] = [
  { example: '"chain of thought"', tip: "Quotes find a phrase: these words, together, in this order." },
  { example: "reasoning -benchmark", tip: "A minus leaves out papers with that exact word (“benchmarks” stays)." },
  { example: 'reasoning -"large language"', tip: "…or with that phrase." },
  { example: "difusion memorizaton", tip: "Typos are forgiven: one in words of 5 letters or more, two from 9." },
  { example: "diffusion memoriz", tip: "The last word also finds words it begins." },
  { example: "llm", tip: "Acronyms find their spelled-out form and back (LLM, large language model)." },
  { example: '"llm"', tip: "A quoted word is taken as written: no typos, prefixes or acronyms." },
];
