import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { dropIndex } from "../../lib/indexing/tasks";
import { createSearchClient } from "../../lib/meilisearch/client";
import { ADMIN_TOKEN, E2E_ENV } from "../../playwright.config";
import { startApp } from "../support/app-server";

const HOSTILE_TITLE = '<script>window.__pwned = "title"</script> Attention Is Not All You Need';

test.describe.configure({ mode: "serial" });

test("hostile abstracts ingest fine and render inert", async ({ page }) => {
  // The crafted digest goes into a database and an index of its own, served by a second app
  // server (the same build and Meilisearch), so that the app under test keeps exactly the
  // seeds, in whatever order the specs run.
  const dir = mkdtempSync(path.join(os.tmpdir(), "paperdex-hostile-"));
  const meiliUrl = `http://127.0.0.1:${E2E_ENV.MEILI_PORT}`;
  const master = readFileSync(path.join(E2E_ENV.PAPERDEX_DATA_DIR, "meili-master.key"), "utf8").trim();
  const admin = createSearchClient({ host: meiliUrl, apiKey: master, local: false }, 30_000);
  const indexUid = `papers_hostile_${process.pid}`;
  const env = {
    PAPERDEX_DATA_DIR: dir,
    DATABASE_URL: `file:${path.join(dir, "hostile.db")}`,
    MEILI_URL: meiliUrl,
    MEILI_INDEX: indexUid,
  };
  const output = execFileSync("npx", ["tsx", "scripts/ingest.ts", "tests/fixtures/hostile-digest.txt"], {
    env: { ...process.env, ...env, MEILI_ADMIN_KEY: master },
    encoding: "utf8",
  });
  expect(output).toMatch(/hostile-digest\.txt: 2 entries, stored/);
  // A search key of its own (named apart from the app's keys, deleted afterwards).
  const { key } = await admin.createKey({
    name: "e2e-hostile-search",
    actions: ["search"],
    indexes: [indexUid],
    expiresAt: null,
  });
  const app = await startApp({ ...env, MEILI_API_KEY: key, ADMIN_TOKEN: undefined });
  try {
    await showsHostileInert(page, app.base);
  } finally {
    await app.stop();
    await admin.deleteKey(key);
    await dropIndex(admin, indexUid);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The hostile papers' search result and page, at `base`: shown as text, nothing runs. */
async function showsHostileInert(page: Page, base: string) {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });

  await page.goto(`${base}/search?q=${encodeURIComponent("attention is not all you need")}`);
  const card = page.getByRole("article").filter({ hasText: "Attention Is Not All You Need" });
  await expect(card.getByRole("heading")).toContainText('<script>window.__pwned = "title"</script>');
  await card.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(HOSTILE_TITLE);
  await expect(page.getByText("<img src=x onerror=\"window.__pwned='img'\">", { exact: false })).toBeVisible();
  // The only code link is the https one; javascript: never becomes a link.
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
  await expect(page.getByRole("link", { name: /github\.com\/example\/hostile-repo/ })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
}

test("pages and API answers carry the security headers", async ({ request }) => {
  const pageResponse = await request.get("/");
  const csp = pageResponse.headers()["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(pageResponse.headers()["x-content-type-options"]).toBe("nosniff");
  expect(pageResponse.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(pageResponse.headers()["x-frame-options"]).toBe("DENY");
  const nonce = csp.match(/'nonce-([^']+)'/)![1];
  expect(await pageResponse.text()).toContain(`nonce="${nonce}"`);

  const api = await request.get("/api/topics");
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});

test("no key or token reaches the browser", async ({ request }) => {
  const dataDir = E2E_ENV.PAPERDEX_DATA_DIR;
  const master = readFileSync(path.join(dataDir, "meili-master.key"), "utf8").trim();
  const keys = (await (
    await request.get(`http://127.0.0.1:${E2E_ENV.MEILI_PORT}/keys?limit=100`, { headers: { Authorization: `Bearer ${master}` } })
  ).json()) as { results: { key: string; name: string | null }[] };
  const secrets = [master, ADMIN_TOKEN, ...keys.results.map((k) => k.key)];
  expect(keys.results.map((k) => k.name)).toEqual(expect.arrayContaining(["paperdex-search", "paperdex-write"]));

  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(".next/static");
  expect(files.length).toBeGreaterThan(5);
  for (const file of files) {
    const text = readFileSync(file, "latin1");
    for (const secret of secrets) expect(text.includes(secret), `${secret.slice(0, 6)}… in ${file}`).toBe(false);
  }
  for (const url of ["/", "/search?q=lora", "/papers/merging-models-with-fisher-weighted-averaging", "/admin"]) {
    const html = await (await request.get(url)).text();
    for (const secret of secrets) expect(html.includes(secret), `${secret.slice(0, 6)}… in ${url}`).toBe(false);
  }
});
