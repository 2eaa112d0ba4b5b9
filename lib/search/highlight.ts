import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from "./settings";

export interface TextSegment {
  text: string;
  match: boolean;
}

/** Splits Meilisearch's `_formatted` text into plain and matched segments (never HTML). */
export function toSegments(formatted: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let rest = formatted;
  while (rest.length > 0) {
    const start = rest.indexOf(HIGHLIGHT_PRE);
    if (start < 0) {
      segments.push({ text: rest, match: false });
      break;
    }
    if (start > 0) segments.push({ text: rest.slice(0, start), match: false });
    const afterPre = rest.slice(start + HIGHLIGHT_PRE.length);
    const end = afterPre.indexOf(HIGHLIGHT_POST);
    const matched = end < 0 ? afterPre : afterPre.slice(0, end);
    if (matched) segments.push({ text: matched, match: true });
    rest = end < 0 ? "" : afterPre.slice(end + HIGHLIGHT_POST.length);
  }
  return segments;
}

export function segmentsToText(segments: TextSegment[]): string {
  return segments.map((s) => s.text).join("");
}
