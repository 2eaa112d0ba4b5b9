import { Meilisearch } from "meilisearch";
import { env, searchConnection, type SearchConnection } from "../env";

export function createSearchClient(connection: SearchConnection = searchConnection(), timeout = env().MEILI_TIMEOUT_MS) {
  // Searches must never be cached by Next's fetch: every request reads the live index.
  return new Meilisearch({
    host: connection.host,
    apiKey: connection.apiKey,
    timeout,
    requestInit: { cache: "no-store" },
  });
}

const globalForSearch = globalThis as unknown as { paperdexSearch?: Meilisearch };

export function searchClient(): Meilisearch {
  globalForSearch.paperdexSearch ??= createSearchClient();
  return globalForSearch.paperdexSearch;
}

export function indexName(): string {
  return env().MEILI_INDEX;
}
