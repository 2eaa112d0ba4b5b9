// The browser tests in another order than Playwright's alphabetical one, to show that no spec
// depends on what another left behind: one project per spec file, run in the order of
// E2E_ORDER (comma-separated file names; default: reverse alphabetical). Run it with
//   E2E_ORDER=security.spec.ts,browse-search.spec.ts,… npx playwright test -c tests/e2e/any-order.config.ts
import { readdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import base from "../../playwright.config";

const root = path.resolve(import.meta.dirname, "../..");
const specs = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith(".spec.ts"))
  .sort()
  .reverse();
const order = process.env.E2E_ORDER?.split(",") ?? specs;

export default defineConfig({
  ...base,
  testDir: import.meta.dirname,
  outputDir: path.join(root, "test-results"),
  projects: order.map((file) => ({ name: file, testMatch: file })),
  // With one worker, projects without dependencies run one after the other, in this order.
  webServer: { ...base.webServer!, cwd: root },
});
