import type { PaperSummary } from "@/lib/papers/types";
import { PaperCard } from "./paper-card";

/** Papers from the database as cards, each marked with the digest it last appeared in. */
export function PaperList({ papers }: { papers: PaperSummary[] }) {
  return (
    <ol className="space-y-4">
      {papers.map((paper) => (
        <li key={paper.slug}>
          <PaperCard
            slug={paper.slug}
            title={paper.title}
            excerpt={paper.abstract}
            topics={paper.topics}
            codeUrl={paper.codeUrl}
            meta={paper.digests[0]?.label ?? undefined}
          />
        </li>
      ))}
    </ol>
  );
}
