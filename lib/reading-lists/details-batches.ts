import type { ListPaperDetails } from "./paper-details";
import { MAX_SHARED_PAPERS } from "./share-link";

export type PaperDetailsAnswer = { papers: ListPaperDetails[] } | { error: string };

/**
 * Asks for the details of many papers in link-sized batches. A slug the server does not know is
 * "missing"; a batch that fails is left out (its slugs are not in `found`) and the other
 * batches still count, so that one failure does not hide what did arrive.
 */
export async function detailsInBatches(
  slugs: string[],
  ask: (chunk: string[]) => Promise<PaperDetailsAnswer>,
): Promise<{ found: Map<string, ListPaperDetails | "missing">; error: string | null; failed: number }> {
  const found = new Map<string, ListPaperDetails | "missing">();
  let error: string | null = null;
  let failed = 0;
  for (let i = 0; i < slugs.length; i += MAX_SHARED_PAPERS) {
    const chunk = slugs.slice(i, i + MAX_SHARED_PAPERS);
    const answer = await ask(chunk).catch(() => ({ error: "the server could not be reached" }));
    if ("error" in answer) {
      error ??= answer.error;
      failed += chunk.length;
      continue;
    }
    const bySlug = new Map(answer.papers.map((p) => [p.slug, p]));
    for (const slug of chunk) found.set(slug, bySlug.get(slug) ?? "missing");
  }
  return { found, error, failed };
}
