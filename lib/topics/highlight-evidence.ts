import type { TextSegment } from "../search/highlight";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Marks where evidence phrases occur in the original abstract. Phrases are in matching form
 * (lower case, hyphens as spaces), so the pattern lets any run of spaces, hyphens or slashes
 * stand between words, ignores case and allows the plural, as the tagger does.
 */
export function highlightEvidence(text: string, phrases: string[]): TextSegment[] {
  const words = [...new Set(phrases)]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map((phrase) => phrase.split(" ").map(escapeRegExp).join("[\\s\\-_/–—]+"));
  if (words.length === 0) return [{ text, match: false }];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join("|")})(?:s|es)?(?![\\p{L}\\p{N}])`, "giu");
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) segments.push({ text: text.slice(last, match.index), match: false });
    segments.push({ text: match[0], match: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}
