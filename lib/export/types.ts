/** One search result with what an export needs from the database. */
export interface ExportPaper {
  slug: string;
  title: string;
  abstract: string;
  codeUrl: string | null;
  topics: string[];
  digests: { id: string; fileName: string; label: string | null; publishedOn: string | null; position: number }[];
  firstSeenAt: string;
}

export interface ExportContext {
  /** Absolute URL of the site, for links in feeds and BibTeX. */
  origin: string;
  /** The search's own URL (the page a feed or export describes). */
  searchUrl: string;
  /** The feed's own URL. */
  feedUrl: string;
  query: string;
  generatedAt: Date;
}
