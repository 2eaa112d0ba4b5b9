import "server-only";
import { databaseSearch } from "./database-search";
import { describeSearchError, isSearchUnreachable } from "../meilisearch/errors";
import type { SearchParams } from "./params";
import { searchPapers, type SearchResult } from "./search";

export type Engine = "meilisearch" | "database";

/** Whether the last search found Meilisearch unreachable (to log outages, not every request). */
let outage = false;

/**
 * Search through Meilisearch, or, when it cannot be reached, through the database so that
 * users still get results (the caller tells them which engine answered).
 */
export async function resilientSearch(params: SearchParams): Promise<SearchResult & { engine: Engine }> {
  try {
    const result = await searchPapers(params);
    if (outage) {
      outage = false;
      console.warn("[search] Meilisearch answers again: searching through it");
    }
    return { ...result, engine: "meilisearch" };
  } catch (error) {
    if (!isSearchUnreachable(error)) throw error;
    if (!outage) {
      outage = true;
      console.warn(`[search] ${describeSearchError(error)} Answering from the database until it returns.`);
    }
    return { ...(await databaseSearch(params)), engine: "database" };
  }
}
