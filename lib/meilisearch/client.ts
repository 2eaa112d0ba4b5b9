import { Meilisearch } from "meilisearch";
import { env, searchConnection, type SearchConnection } from "../env";
import { nodeHttpClient } from "./http-client";

export function createSearchClient(connection: SearchConnection = searchConnection(), timeout = env().MEILI_TIMEOUT_MS) {
  // The transport is node:http, not Next's patched fetch, so no search is ever cached.
  return new Meilisearch({ host: connection.host, apiKey: connection.apiKey, timeout, httpClient: nodeHttpClient });
}

const globalForSearch = globalThis as unknown as {
  paperdexSearch?: Meilisearch;
  paperdexWrite?: Meilisearch;
  paperdexAdmin?: Meilisearch;
};

/** The client for searching (in the web app, a key that may only search). */
export function searchClient(): Meilisearch {
  globalForSearch.paperdexSearch ??= createSearchClient();
  return globalForSearch.paperdexSearch;
}

/** The client for writing papers (in the web app, a key that may only add documents). */
export function writeClient(): Meilisearch {
  globalForSearch.paperdexWrite ??= createSearchClient(searchConnection(env(), "write"));
  return globalForSearch.paperdexWrite;
}

/** The client for the commands that build the index (ingest, reindex, check): an admin-class key. */
export function adminClient(): Meilisearch {
  globalForSearch.paperdexAdmin ??= createSearchClient(searchConnection(env(), "admin"));
  return globalForSearch.paperdexAdmin;
}

export function indexName(): string {
  return env().MEILI_INDEX;
}
