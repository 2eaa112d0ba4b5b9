import type { ExportPaper } from "./types";

// BibTeX with what the data has: no authors or venue come with digests, so entries are
// @misc with title, abstract, the code link, the digest and the Paperdex URL.

const SPECIAL: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "%": "\\%",
  "&": "\\&",
  "#": "\\#",
  _: "\\_",
  $: "\\$",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}%&#_$~^]/g, (c) => SPECIAL[c]!);
}

/** A citation key from the slug: letters and digits of its first words, unique in the file. */
function citationKey(slug: string, used: Set<string>): string {
  const base = slug.split("-").slice(0, 4).join("");
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base}${n}`;
  used.add(key);
  return key;
}

export function toBibtex(papers: ExportPaper[], origin: string): string {
  const used = new Set<string>();
  return papers
    .map((p) => {
      const digest = p.digests[0];
      const fields: [string, string][] = [
        ["title", `{${escapeBibtex(p.title)}}`],
        ["abstract", `{${escapeBibtex(p.abstract)}}`],
        ["url", `{${origin}/papers/${p.slug}}`],
      ];
      if (p.codeUrl) fields.push(["howpublished", `{\\url{${p.codeUrl.replace(/[{}\\]/g, "")}}}`]);
      if (digest) {
        fields.push([
          "note",
          `{Daily papers digest ${escapeBibtex(digest.publishedOn ?? digest.label ?? digest.fileName)}, position ${digest.position}}`,
        ]);
      }
      if (digest?.publishedOn) fields.push(["year", `{${digest.publishedOn.slice(0, 4)}}`]);
      const body = fields.map(([k, v]) => `  ${k} = ${v}`).join(",\n");
      return `@misc{${citationKey(p.slug, used)},\n${body}\n}\n`;
    })
    .join("\n");
}
