// The one list of words too common in abstracts and queries to tell papers apart: English
// function words, question words, and the boilerplate of abstracts ("we propose a new
// method"). Text vectors drop them; Meilisearch ignores them in queries (lib/search/stop-words.ts
// keeps those that multi-word synonyms need).

export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between both " +
    "but by can could did do does doing down during each few for from further had has have having he her here hers how i if " +
    "in into is it its itself just me more most my no nor not now of off on once only or other our ours out over own same " +
    "she should so some such than that the their theirs them then there these they this those through to too toward towards " +
    "under until up very was we were what when where which while who whom why will with without would you your via using use " +
    "used based show shows propose proposed paper approach method methods results new however well"
  ).split(" "),
);
