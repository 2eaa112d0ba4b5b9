import { SYNONYMS } from "./synonyms";

// Words too common in abstracts to tell papers apart. Meilisearch ignores them in queries,
// so paraphrased queries rank on their content words. A word that is part of a multi-word
// synonym ("mixture of experts", "text to image") must stay, or the synonym stops matching.
const COMMON = (
  "a an and are as at be by can do does for from has have how in into is it its of on or our " +
  "that the their them these this those to via was we were what when which while who why will with " +
  "without using use used based towards toward new"
).split(" ");

const IN_SYNONYMS = new Set(Object.keys(SYNONYMS).flatMap((phrase) => phrase.split(" ")));

export const STOP_WORDS = COMMON.filter((word) => !IN_SYNONYMS.has(word));
