import "server-only";
import { databaseSearch } from "./database-search";
import { isSearchUnreachable } from "../meilisearch/errors";
import type { SearchParams } from "./params";
import { searchPapers, type SearchResult } from "./search";

export type Engine = "meilisearch" | "database";

/**
 * Search through Meilisearch, or, when it cannot be reached, through the database so that
 * users still get results (the caller tells them which engine answered).
 */
export async function resilientSearch(params: SearchParams): Promise<SearchResult & { engine: Engine }> {
  try {
    return { ...(await searchPapers(params)), engine: "meilisearch" };
  } catch (error) {
    if (!isSearchUnreachable(error)) throw error;
    console.warn(`[search] Meilisearch unreachable, answering from the database: ${(error as Error).message}`);
    return { ...(await databaseSearch(params)), engine: "database" };
  }
}
