import { NextResponse, type NextRequest } from "next/server";
import { tooManyPapers } from "./lib/reading-lists/share-link";
import { tooManyPapersResponse } from "./lib/reading-lists/too-many";

// A fresh nonce per page request for a strict Content-Security-Policy: Next.js adds it to its
// own scripts (read from the request's CSP header), and no other script can run, so even a
// paper whose abstract carried markup could not execute anything.

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const development = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  if (request.nextUrl.pathname === "/list" && tooManyPapers(request.nextUrl.searchParams)) return tooManyPapersResponse(csp);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API routes, feeds and static files get a fixed policy from next.config.ts.
      source: "/((?!api|search/feed.xml|search/export|list/export|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
