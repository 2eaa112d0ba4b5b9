// Checks, at start, that each Meilisearch key can do what its user needs, so that a wrong key
// stops the start with a message instead of failing as a 500 on the first search.

export type KeyRole = "search" | "write" | "admin";

const NAMES: Record<KeyRole, string> = { search: "MEILI_API_KEY", write: "MEILI_WRITE_KEY", admin: "MEILI_ADMIN_KEY" };

async function call(
  host: string,
  key: string | undefined,
  method: string,
  route: string,
  body?: unknown,
  contentType = "application/json",
) {
  const response = await fetch(new URL(route, host.endsWith("/") ? host : `${host}/`), {
    method,
    headers: { "Content-Type": contentType, ...(key ? { Authorization: `Bearer ${key}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  });
  const json = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
  return { status: response.status, code: json.code, message: json.message };
}

/**
 * Returns what is wrong with a key for its role, or null when it is fine:
 * - search: it may search the index, and nothing more (the web app holds it, so it must not
 *   be able to change anything);
 * - write: it may add documents to the index and read their tasks (editors' corrections);
 * - admin: it may manage the index (settings, documents, tasks).
 * Throws when Meilisearch cannot be reached at all (the caller decides what that means).
 */
export async function keyProblem(host: string, key: string | undefined, role: KeyRole, indexUid: string): Promise<string | null> {
  const name = NAMES[role];
  const refused = (r: { status: number; code?: string; message?: string }) =>
    r.status === 401 || r.status === 403
      ? key
        ? `${name} is not accepted by ${host} for index "${indexUid}" (${r.code ?? r.status}: ${r.message ?? "refused"}).`
        : `${name} is not set, and ${host} requires a key (${r.code ?? r.status}).`
      : null;
  const index = encodeURIComponent(indexUid);
  if (role === "search") {
    const search = await call(host, key, "POST", `indexes/${index}/search`, { q: "", limit: 0 });
    const problem = refused(search);
    if (problem) return `${problem} Give the web app a key with the "search" action on "${indexUid}".`;
    const settings = await call(host, key, "GET", `indexes/${index}/settings`);
    if (settings.status < 300) {
      return `${name} can do more than search (it can read the index settings: an admin or master key). The web app must hold a search-only key; create one with the "search" action on "${indexUid}" and keep the admin key for ingest.`;
    }
    return null;
  }
  if (role === "write") {
    // Meilisearch checks the key before the body: a content type it does not accept gets a
    // 415 from a key that may add documents, a 401/403 from one that may not, and no task.
    const add = await call(host, key, "POST", `indexes/${index}/documents`, undefined, "application/x-paperdex-key-check");
    const tasks = await call(host, key, "GET", `tasks?limit=1&indexUids=${index}`);
    const problem = refused(add) ?? refused(tasks);
    if (problem)
      return `${problem} Editors' corrections need a key with the actions "documents.add" and "tasks.get" on "${indexUid}".`;
    return null;
  }
  const settings = await call(host, key, "GET", `indexes/${index}/settings`);
  const problem = refused(settings);
  if (problem)
    return `${problem} Ingest and reindex need an admin-class key (actions "*", or indexes.*, settings.*, documents.*, tasks.get).`;
  return null;
}
