// Meilisearch's typo tolerance, for code that judges its matches outside it (coverage of a
// query by its best hits, re-ranking of a relaxed search's candidates).

/** Meilisearch's typo budget for a word: none below 5 letters, one from 5, two from 9. */
function typoBudget(word: string): number {
  return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
}

/** Levenshtein distance, or max + 1 as soon as it must exceed `max`. */
export function distanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]!);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** The terms of `vocabulary` that `term` could be a typo of (not `term` itself). */
export function typoVariants(term: string, vocabulary: readonly string[]): string[] {
  const budget = typoBudget(term);
  if (budget === 0) return [];
  return vocabulary.filter((v) => v !== term && distanceWithin(term, v, budget) <= budget);
}
