import { MAX_SHARED_PAPERS } from "./share-link";

// A page cannot choose its status code, so the proxy answers a /list link that names too
// many papers itself: a 400 with a short page that says why (the page would say the same).

export function tooManyPapersResponse(csp: string): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>List link too long · Paperdex</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1c1917;background:#fafaf9}
@media (prefers-color-scheme:dark){body{color:#f5f5f4;background:#0c0a09}a{color:#dbe6fe}}</style></head>
<body><main><h1>This list link holds too many papers</h1>
<p>A shared list can hold at most ${MAX_SHARED_PAPERS} papers. Share a shorter list, or export the whole list as JSON from
<a href="/lists">your lists</a> and send the file instead.</p></main></body></html>
`;
  return new Response(html, {
    status: 400,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Content-Security-Policy": csp },
  });
}
