import type { ExportContext, ExportPaper } from "./types";

export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
      // Characters XML 1.0 forbids (control characters) would make the whole feed invalid.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
  );
}

/** An Atom 1.0 feed of search results; entries are updated when first seen. */
export function toAtom(papers: ExportPaper[], context: ExportContext): string {
  const updated = papers.reduce(
    (latest, p) => (p.firstSeenAt > latest ? p.firstSeenAt : latest),
    context.generatedAt.toISOString(),
  );
  const title = context.query ? `Paperdex: “${context.query}”` : "Paperdex: papers";
  const entries = papers.map((p) => {
    const url = `${context.origin}/papers/${p.slug}`;
    const categories = p.topics.map((t) => `    <category term="${escapeXml(t)}"/>`).join("\n");
    const code = p.codeUrl ? `\n    <link rel="related" href="${escapeXml(p.codeUrl)}" title="code"/>` : "";
    return `  <entry>
    <id>${escapeXml(url)}</id>
    <title>${escapeXml(p.title)}</title>
    <link rel="alternate" href="${escapeXml(url)}"/>${code}
    <updated>${p.firstSeenAt}</updated>
    <summary>${escapeXml(p.abstract)}</summary>
${categories}
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(context.searchUrl)}</id>
  <title>${escapeXml(title)}</title>
  <link rel="self" href="${escapeXml(context.feedUrl)}"/>
  <link rel="alternate" href="${escapeXml(context.searchUrl)}"/>
  <updated>${updated}</updated>
  <generator>Paperdex</generator>
${entries.join("\n")}
</feed>
`;
}
