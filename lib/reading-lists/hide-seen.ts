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

/** The same address with `hide=seen` set (on) or removed (off), its other parameters and fragment kept. */
export function withHideSeen(href: string, on: boolean): string {
  // Any base will do: only the path, query and fragment of a same-site address come back.
  const url = new URL(href, "http://paperdex.invalid");
  url.searchParams.delete(HIDE_PARAM);
  if (on) url.searchParams.set(HIDE_PARAM, HIDE_SEEN);
  return `${url.pathname}${url.search}${url.hash}`;
}
