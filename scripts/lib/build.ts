import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

// The production build (.next) that `next start` serves, and whether it still matches the sources.

export const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

/** The sources a build depends on. */
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "prisma/schema.prisma",
  "next.config.ts",
  "proxy.ts",
  "instrumentation.ts",
  "package-lock.json",
  "postcss.config.mjs",
];

/** True when .next is missing or older than any source the build depends on. */
export function buildIsStale(): boolean {
  const buildId = path.resolve(".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const newer = (entry: string): boolean => {
    if (!existsSync(entry)) return false;
    const stat = statSync(entry);
    if (!stat.isDirectory()) return stat.mtimeMs > built;
    return readdirSync(entry).some((name) => newer(path.join(entry, name)));
  };
  return BUILD_INPUTS.some(newer);
}
