export interface DigestEntry {
  title: string;
  abstract: string;
  /** 1-based rank of the paper in the digest. */
  position: number;
  /** 1-based line number of the title in the file. */
  line: number;
  /** Repository links found in the abstract, cleaned; the first is the paper's code link. */
  codeUrls: string[];
}

export interface DigestProblem {
  /** 1-based line the problem is on, when it has one. */
  line?: number;
  message: string;
}

export type DigestLayout = "blank-separated" | "alternating";

export interface ParsedDigest {
  /** Date label printed in the header ("Mar 12"), without a year; null when absent. */
  label: string | null;
  layout: DigestLayout;
  entries: DigestEntry[];
  /** Anything that makes the file unsafe to store; the ingest skips a file that has any. */
  problems: DigestProblem[];
}
