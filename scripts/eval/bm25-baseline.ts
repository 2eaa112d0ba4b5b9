import Database from "better-sqlite3";

/**
 * The plain baseline Paperdex's search is measured against: SQLite FTS5 with BM25 over the
 * same titles and abstracts (Porter stemming, no typo tolerance, no synonyms), any query word
 * matching, a title match weighing three times an abstract match.
 */
export class Bm25Baseline {
  private readonly db = new Database(":memory:");

  constructor(papers: { slug: string; title: string; abstract: string }[]) {
    this.db.exec("CREATE VIRTUAL TABLE papers USING fts5(slug UNINDEXED, title, abstract, tokenize = 'porter unicode61')");
    const insert = this.db.prepare("INSERT INTO papers (slug, title, abstract) VALUES (?, ?, ?)");
    this.db.transaction(() => {
      for (const p of papers) insert.run(p.slug, p.title, p.abstract);
    })();
  }

  search(query: string, limit = 10): string[] {
    const terms = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    if (terms.length === 0) return [];
    const match = terms.map((t) => `"${t}"`).join(" OR ");
    const rows = this.db
      .prepare("SELECT slug FROM papers WHERE papers MATCH ? ORDER BY bm25(papers, 0.0, 3.0, 1.0) LIMIT ?")
      .all(match, limit) as { slug: string }[];
    return rows.map((r) => r.slug);
  }

  close(): void {
    this.db.close();
  }
}
