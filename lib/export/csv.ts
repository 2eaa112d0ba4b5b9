import type { ExportPaper } from "./types";

/** RFC 4180 field: quoted when it holds a comma, quote or line break; quotes doubled. */
function field(value: string): string {
  // A leading =, +, - or @ would run as a formula in a spreadsheet: neutralize it.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const COLUMNS = ["slug", "title", "abstract", "code_url", "topics", "digests", "first_seen", "url"] as const;

export function toCsv(papers: ExportPaper[], origin: string): string {
  const rows = papers.map((p) =>
    [
      p.slug,
      p.title,
      p.abstract,
      p.codeUrl ?? "",
      p.topics.join(";"),
      p.digests.map((d) => d.id).join(";"),
      p.firstSeenAt.slice(0, 10),
      `${origin}/papers/${p.slug}`,
    ].map(field),
  );
  return [COLUMNS.join(","), ...rows.map((r) => r.join(","))].join("\r\n") + "\r\n";
}
