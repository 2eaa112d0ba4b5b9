// What a share link is, without a validator: the /lists page (client), the proxy and the server
// code share these, and none of them should carry zod for a number, a string and a URL.

/** A share link (and an export of a list) carries at most this many papers. */
export const MAX_SHARED_PAPERS = 200;
export const TOO_MANY_PAPERS = `a list link holds at most ${MAX_SHARED_PAPERS} papers`;

/** The share link of a list, relative to the site. */
export function shareHref(name: string, slugs: string[], path = "/list"): string {
  const params = new URLSearchParams({ name });
  for (const slug of slugs) params.append("paper", slug);
  return `${path}?${params.toString()}`;
}

/** The proxy's check, before any rendering: more `paper` values than a link may hold. */
export function tooManyPapers(params: URLSearchParams): boolean {
  return params.getAll("paper").filter((s) => s !== "").length > MAX_SHARED_PAPERS;
}
