import type { RawParams } from "../api/params";

// "Hide seen" lives in the URL (`hide=seen`), so that it survives a reload and can be shared;
// what is seen is known only to the browser, which does the hiding. The server only carries the
// parameter along in its links. No zod: the page schemas strip parameters they do not know.

export const HIDE_PARAM = "hide";
export const HIDE_SEEN = "seen";

export function hidesSeen(raw: RawParams): boolean {
  const value = raw[HIDE_PARAM];
  return value === HIDE_SEEN || (Array.isArray(value) && value.includes(HIDE_SEEN));
}

/** The same address with `hide=seen` set (on) or removed (off), its other parameters kept. */
export function withHideSeen(href: string, on: boolean): string {
  const at = href.indexOf("?");
  const path = at < 0 ? href : href.slice(0, at);
  const params = new URLSearchParams(at < 0 ? "" : href.slice(at + 1));
  params.delete(HIDE_PARAM);
  if (on) params.set(HIDE_PARAM, HIDE_SEEN);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
