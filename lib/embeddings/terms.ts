import { stemmer } from "stemmer";

// Terms for text vectors: lower-cased words, minus very common ones, Porter-stemmed so that
// "emulates" and "emulator" meet. Shared by the embedding of papers and of queries.

const STOP = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between both " +
    "but by can could did do does doing down during each few for from further had has have having he her here hers how i if " +
    "in into is it its itself just me more most my no nor not now of off on once only or other our ours out over own same " +
    "she should so some such than that the their theirs them then there these they this those through to too under until up " +
    "very was we were what when where which while who whom why will with would you your via using use used based show shows " +
    "propose proposed paper approach method methods results new however well"
  ).split(" "),
);

// Stemming is the costly part and words repeat across papers: remember the stems (bounded).
const stems = new Map<string, string>();
function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    if (stems.size < 200_000) stems.set(word, stemmed);
  }
  return stemmed;
}

export function terms(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out: string[] = [];
  for (const word of words) {
    if (word.length < 2 || STOP.has(word) || /^\d+$/.test(word)) continue;
    out.push(stem(word));
  }
  return out;
}
