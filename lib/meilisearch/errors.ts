import { MeilisearchApiError } from "meilisearch";

/**
 * The API error behind a failure, if the server answered one. The client wraps whatever its
 * transport throws in a MeilisearchRequestError, so the API error may be one level down.
 */
export function apiErrorOf(error: unknown): MeilisearchApiError | undefined {
  if (error instanceof MeilisearchApiError) return error;
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  return cause instanceof MeilisearchApiError ? cause : undefined;
}

/** Meilisearch's error code ("index_not_found", "invalid_api_key", …), if it sent one. */
export function meiliErrorCode(error: unknown): string | undefined {
  return apiErrorOf(error)?.cause?.code;
}

/**
 * True when Meilisearch could not be reached at all (down, refused, timed out), or when what
 * answered was not Meilisearch but a proxy in front of it saying it is gone (502, 503, 504
 * without Meilisearch's own error body).
 */
export function isSearchUnreachable(error: unknown): boolean {
  const api = apiErrorOf(error);
  if (api) return [502, 503, 504].includes(api.response.status) && api.cause?.code === undefined;
  const name = (error as Error | undefined)?.name ?? "";
  return name === "MeilisearchRequestError" || name === "MeilisearchRequestTimeOutError";
}

/** One line saying what went wrong with Meilisearch, for people rather than stack traces. */
export function describeSearchError(error: unknown): string {
  const api = apiErrorOf(error);
  if (api) return `Meilisearch refused the request: ${api.cause?.message ?? api.message} (${api.cause?.code ?? "error"})`;
  if (isSearchUnreachable(error)) {
    const cause = (error as { cause?: { name?: string; code?: string; cause?: { code?: string }; message?: string } }).cause;
    const reason =
      cause?.name === "MeilisearchRequestTimeOutError"
        ? "timed out"
        : (cause?.code ?? cause?.cause?.code ?? cause?.message ?? "no answer");
    return `${(error as Error).message} (${reason}): is Meilisearch running?`;
  }
  return (error as Error)?.message ?? String(error);
}
