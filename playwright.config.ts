import { defineConfig } from "@playwright/test";

// Browser tests drive Debian's Chromium (Playwright cannot download its own browsers here)
// against the real app: `npm start` on a throwaway data folder, with its own Meilisearch.

const PORT = Number(process.env.E2E_PORT ?? 3100);
const MEILI_PORT = Number(process.env.E2E_MEILI_PORT ?? 7712);
const DATA_DIR = "tmp/e2e-data";
export const ADMIN_TOKEN = "e2e-admin-token-0123456789";
/** The environment of the app under test, for tests that run a script against it. */
export const E2E_ENV = { PAPERDEX_DATA_DIR: DATA_DIR, MEILI_PORT: String(MEILI_PORT) };

export default defineConfig({
  testDir: "tests/e2e",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  timeout: 30_000,
  reporter: process.env.CI ? "list" : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `rm -rf ${DATA_DIR} && npx tsx scripts/start.ts --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: { ...E2E_ENV, NEXT_TELEMETRY_DISABLED: "1", ADMIN_TOKEN },
  },
});
