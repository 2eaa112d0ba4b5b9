import { Meilisearch } from "meilisearch";
import { env, searchConnection, type SearchConnection } from "../env";
import { nodeHttpClient } from "./http-client";

export function createSearchClient(connection: SearchConnection = searchConnection(), timeout = env().MEILI_TIMEOUT_MS) {
  // The transport is node:http, not Next's patched fetch, so no search is ever cached.
  return new Meilisearch({ host: connection.host, apiKey: connection.apiKey, timeout, httpClient: nodeHttpClient });
}

const globalForSearch = globalThis as unknown as { paperdexSearch?: Meilisearch };

export function searchClient(): Meilisearch {
  globalForSearch.paperdexSearch ??= createSearchClient();
  return globalForSearch.paperdexSearch;
}

export function indexName(): string {
  return env().MEILI_INDEX;
}
