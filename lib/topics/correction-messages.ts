// Outcomes of a topic correction, as codes that travel in the URL after a form post (so a
// crafted link can only ever show one of these fixed messages) and as API messages.

export const CORRECTION_MESSAGES = {
  saved: "Topics updated.",
  "saved-index-pending": "Topics updated; search results will follow when the search engine is back.",
  disabled: "Topic editing is off: the server has no ADMIN_TOKEN.",
  unauthorized: "Sign in as an editor first (/admin).",
  invalid: "That correction is not valid.",
  "unknown-paper": "There is no such paper.",
  "unknown-topic": "There is no such topic.",
  already: "Nothing to change: the paper already is that way.",
  "too-many": "A paper has at most 4 topics: remove one first.",
  "last-topic": "A paper keeps at least one topic: add another first.",
  "nothing-to-undo": "This topic has no correction to undo.",
} as const;

export type CorrectionCode = keyof typeof CORRECTION_MESSAGES;

export function isCorrectionCode(value: unknown): value is CorrectionCode {
  return typeof value === "string" && Object.hasOwn(CORRECTION_MESSAGES, value);
}
