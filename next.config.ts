import type { NextConfig } from "next";
import { env } from "./lib/env";

// Validate the environment when the app starts: a bad setting fails here, with a message.
env();

// Headers for every response; pages also get a per-request CSP with a nonce (proxy.ts).
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
];

// Responses that are data, never documents to render: nothing may run or embed them.
const DATA_CSP = { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; sandbox" };

const nextConfig: NextConfig = {
  headers() {
    return Promise.resolve([
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: [DATA_CSP] },
      { source: "/search/feed.xml", headers: [DATA_CSP] },
      { source: "/search/export.:format", headers: [DATA_CSP] },
      { source: "/list/export.:format", headers: [DATA_CSP] },
    ]);
  },
  // Native and WebAssembly database drivers are loaded by Node at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/client"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
