import type { TextSegment } from "@/lib/search/highlight";

/** Search highlights as React nodes: the text is never interpreted as HTML. */
export function Highlighted({ segments }: { segments: TextSegment[] }) {
  return (
    <>
      {segments.map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}
    </>
  );
}
