import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // "server-only" throws outside React Server Components; tests are server code too.
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
    },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    // The multi-process check needs PostgreSQL: it runs in `npm run test:postgres`.
    exclude: ["tests/e2e/**", "node_modules/**", ...(process.env.TEST_POSTGRES_URL ? [] : ["tests/multi-process/**"])],
    globalSetup: ["tests/support/meilisearch-global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration files share one Meilisearch process; each uses its own index and database.
    fileParallelism: true,
  },
});
