import type { ReactNode } from "react";
import type { PaperSummary } from "@/lib/papers/types";
import { DigestName } from "./digest-name";
import { PaperCard } from "./paper-card";

/** Papers from the database as cards, marked by default with the digest they last appeared in. */
export function PaperList({
  papers,
  meta,
}: {
  papers: PaperSummary[];
  meta?: (paper: PaperSummary, index: number) => ReactNode;
}) {
  return (
    <ol className="space-y-4">
      {papers.map((paper, index) => (
        <li key={paper.slug}>
          <PaperCard
            slug={paper.slug}
            title={paper.title}
            excerpt={paper.abstract}
            topics={paper.topics}
            codeUrl={paper.codeUrl}
            meta={meta ? meta(paper, index) : newestDigest(paper)}
          />
        </li>
      ))}
    </ol>
  );
}

/** The digest a paper last appeared in, by date or label; nothing when it has neither. */
function newestDigest(paper: PaperSummary): ReactNode {
  const digest = paper.digests[0];
  return digest && (digest.publishedOn || digest.label) ? <DigestName digest={digest} /> : undefined;
}
