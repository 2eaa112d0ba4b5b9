import type { NextConfig } from "next";
import { env } from "./lib/env";

// Validate the environment when the app starts: a bad setting fails here, with a message.
env();

const nextConfig: NextConfig = {
  // Native and WebAssembly database drivers are loaded by Node at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/client"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
