import { createReadStream, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { normalizeTitle, parseDigest } from "@/lib/digest";
import type { Paper } from "./train";

/** The seed papers (seeds/*.txt), in file order. */
export function seedPapers(seedsDir = path.resolve("seeds")): Paper[] {
  const papers: Paper[] = [];
  for (const name of readdirSync(seedsDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()) {
    for (const e of parseDigest(readFileSync(path.join(seedsDir, name), "utf8")).entries)
      papers.push({ title: e.title, abstract: e.abstract });
  }
  return papers;
}

/** The records of the shared arXiv corpus (JSON lines, gzip), in file order. */
export async function corpusPapers(file: string): Promise<(Paper & { id: string })[]> {
  const papers: (Paper & { id: string })[] = [];
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const { id, title, abstract } = JSON.parse(line) as Paper & { id: string };
    papers.push({ id, title: title.replace(/\s+/g, " "), abstract: abstract.replace(/\s+/g, " ") });
  }
  return papers;
}

/** Each paper once (by normalized title), the first copy kept, order otherwise unchanged. */
export function distinctPapers(papers: Paper[]): Paper[] {
  const seen = new Set<string>();
  return papers.filter((p) => {
    const key = normalizeTitle(p.title);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
