import type { ReactNode } from "react";
import type { PaperSummary } from "@/lib/papers/types";
import { DigestName } from "./digest-name";
import { PaperCard } from "./paper-card";
import { SeenItem, SeenPapers, type HideSeen } from "./seen/seen-papers";

/**
 * Papers from the database as cards, marked by default with the digest they last appeared in.
 * Papers the visitor is not interested in are hidden; `markNew` and `hideSeen` add §2's marks.
 */
export function PaperList({
  papers,
  meta,
  markNew = false,
  hideSeen,
  digestId,
}: {
  papers: PaperSummary[];
  meta?: (paper: PaperSummary, index: number) => ReactNode;
  markNew?: boolean;
  hideSeen?: HideSeen;
  digestId?: string;
}) {
  return (
    <SeenPapers slugs={papers.map((p) => p.slug)} markNew={markNew} hideSeen={hideSeen} digestId={digestId}>
      <ol className="space-y-4">
        {papers.map((paper, index) => (
          <SeenItem key={paper.slug} slug={paper.slug}>
            <PaperCard
              slug={paper.slug}
              title={paper.title}
              excerpt={paper.abstract}
              topics={paper.topics}
              codeUrl={paper.codeUrl}
              meta={meta ? meta(paper, index) : newestDigest(paper)}
              firstSeenAt={paper.firstSeenAt}
            />
          </SeenItem>
        ))}
      </ol>
    </SeenPapers>
  );
}

/** The digest a paper last appeared in, by date or label; nothing when it has neither. */
function newestDigest(paper: PaperSummary): ReactNode {
  const digest = paper.digests[0];
  return digest && (digest.publishedOn || digest.label) ? <DigestName digest={digest} /> : undefined;
}
