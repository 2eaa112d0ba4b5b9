import { STOP_WORDS as COMMON } from "../text/stop-words";
import { SYNONYMS } from "./synonyms";

// Meilisearch ignores stop words in queries, so paraphrased queries rank on their content
// words. A word that is part of a multi-word synonym ("mixture of experts", "text to image")
// must stay, or the synonym stops matching.
const IN_SYNONYMS = new Set(Object.keys(SYNONYMS).flatMap((phrase) => phrase.split(" ")));

export const MEILI_STOP_WORDS = [...COMMON].filter((word) => !IN_SYNONYMS.has(word));
