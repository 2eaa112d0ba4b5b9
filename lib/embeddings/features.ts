import { terms } from "./terms";

// The features a text vector is made of, the same when the term vectors are trained
// (scripts/vectors) and when a paper or a pasted text is embedded: stemmed terms and the
// bigrams of neighbouring terms ("languag model"), counted; a title's count twice, since a
// title says in a few words what the paper is about.

function addField(text: string, weight: number, into: Map<string, number>): void {
  const list = terms(text);
  for (let i = 0; i < list.length; i++) {
    const term = list[i]!;
    into.set(term, (into.get(term) ?? 0) + weight);
    if (i > 0) {
      const bigram = `${list[i - 1]!} ${term}`;
      into.set(bigram, (into.get(bigram) ?? 0) + weight);
    }
  }
}

/** Term and bigram counts of a paper (title counted twice). */
export function paperFeatures(title: string, abstract: string): Map<string, number> {
  const counts = new Map<string, number>();
  addField(title, 2, counts);
  addField(abstract, 1, counts);
  return counts;
}

/** Term and bigram counts of any text (a pasted abstract, a few keywords). */
export function textFeatures(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  addField(text, 1, counts);
  return counts;
}

/** Dampened count: a term said ten times is not ten times as telling as one said once. */
export function sublinear(count: number): number {
  return 1 + Math.log(count);
}
