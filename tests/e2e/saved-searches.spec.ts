import { expect, test, type Page } from "@playwright/test";
import type { AppServer } from "../support/app-server";
import { createSecondApp, type SecondApp } from "../support/second-app";

// Saved searches live in the browser; /saved counts each one's papers now and those first
// stored since it was last opened (`since`). A new digest goes into a database and an index of
// their own (the seeds, then the new file), served by a second app server on the same build and
// Meilisearch, so that the app under test keeps exactly the seeds.

const NAME = "Grokking watch";
const NEW_PAPER = "Grokking Revisited in Tiny Recurrent Networks";

test.describe("saved searches", () => {
  test.describe.configure({ mode: "serial", timeout: 240_000 });

  // Made in beforeAll: Playwright also loads this file where it runs no test.
  let second: SecondApp | undefined;
  let app: AppServer | undefined;

  test.beforeAll(async () => {
    second = createSecondApp("saved");
    expect(second.ingest()).toMatch(/390 new/);
    app = await second.start();
  });

  test.afterAll(async () => {
    await second?.stop();
  });

  const total = async (page: Page, query: string) =>
    ((await (await page.request.get(`${app!.base}/api/search?${query}&perPage=1`)).json()) as { total: number }).total;
  const item = (page: Page) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: NAME }) });
  const counts = (page: Page) => item(page).locator("[data-saved-search-counts]");

  test("save a search, see its count on /saved, a new digest makes it 1 new, opening it makes it 0 new", async ({ page }) => {
    const before = await total(page, "q=grokking");
    expect(before).toBeGreaterThan(0);

    await page.goto(`${app!.base}/search?q=grokking`);
    await page.getByRole("button", { name: "Save this search" }).click();
    const name = page.getByRole("textbox", { name: "Name" });
    await expect(name).toHaveValue("grokking");
    await expect(name).toBeFocused();
    await name.fill(NAME);
    await name.press("Enter");
    await expect(page.getByText(`Saved as “${NAME}”`)).toBeVisible();
    await expect(page.locator("[data-reading-list-status]")).toHaveText(`Saved this search as “${NAME}”`);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Saved", exact: true }).click();
    await expect(page).toHaveURL(/\/saved$/);
    await expect(counts(page)).toContainText(`${before} papers · 0 new`);
    const feeds = item(page).getByRole("navigation", { name: `Feed and exports of ${NAME}` });
    await expect(feeds.getByRole("link", { name: "Atom feed" })).toHaveAttribute("href", "/search/feed.xml?q=grokking");
    await expect(feeds.getByRole("link", { name: "BibTeX" })).toHaveAttribute("href", "/search/export.bib?q=grokking");

    const abstract =
      "We study grokking, the delayed generalization of small networks long after they fit their training data, " +
      "in tiny recurrent networks trained on modular arithmetic, and show when grokking appears.";
    expect(second!.ingestDigest("2026-11-20.txt", `Daily Papers\n\nNov 20\n\n${NEW_PAPER}\n\n${abstract}\n`)).toMatch(/1 new/);

    await page.reload();
    await expect(counts(page)).toContainText(`${before + 1} papers · 1 new`);

    await item(page).getByRole("link", { name: NAME }).click();
    await expect(page).toHaveURL(/\/search\?q=grokking$/);
    await expect(page.getByRole("article").filter({ hasText: NEW_PAPER })).toBeVisible();
    await page.goto(`${app!.base}/saved`);
    await expect(counts(page)).toContainText(`${before + 1} papers · 0 new`);
  });

  test("rename, delete and undo, from the keyboard", async ({ page }) => {
    await page.goto(`${app!.base}/search?q=lora&sort=newest`);
    await page.getByRole("button", { name: "Save this search" }).click();
    await page.getByRole("textbox", { name: "Name" }).press("Enter");
    await expect(page.getByText("Saved as “lora · newest first”")).toBeVisible();

    await page.goto(`${app!.base}/saved`);
    const saved = page.getByRole("list", { name: "Saved searches" });
    await expect(saved.getByRole("heading", { name: "lora · newest first" })).toBeVisible();
    await page.getByRole("button", { name: "Rename lora · newest first" }).click();
    const newName = page.getByRole("textbox", { name: "New name" });
    await expect(newName).toBeFocused();
    await newName.fill("LoRA, latest");
    await newName.press("Enter");
    await expect(saved.getByRole("heading", { name: "LoRA, latest" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Rename LoRA, latest" })).toBeFocused();

    await page.getByRole("button", { name: "Delete LoRA, latest" }).press("Enter");
    await expect(saved.getByRole("heading", { name: "LoRA, latest" })).toHaveCount(0);
    const undo = page.getByRole("button", { name: "Undo" });
    await expect(undo).toBeFocused();
    await undo.press("Enter");
    await expect(saved.getByRole("heading", { name: "LoRA, latest" })).toBeVisible();

    await page.reload();
    await expect(saved.getByRole("heading")).toHaveText(["LoRA, latest"]);
  });

  test("without JavaScript, /saved says it needs it; the since filter is a chip that can be removed", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app!.base}/saved`);
    await expect(page.getByText(/Your saved searches are kept by your browser and need JavaScript/)).toBeVisible();

    await page.goto(`${app!.base}/search?q=grokking&since=2026-11-20`);
    const chip = page.getByRole("link", { name: /Added since 20 Nov 2026/ });
    await expect(chip).toBeVisible();
    await chip.click();
    await expect(page).toHaveURL(/\/search\?q=grokking$/);
    const bad = await page.request.get(`${app!.base}/api/search?since=yesterday`);
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { param: string }).param).toBe("since");
    await context.close();
  });

  test("fits a phone's width, in light and dark", async ({ browser }) => {
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ viewport: { width: 375, height: 800 }, colorScheme });
      const page = await context.newPage();
      await page.goto(`${app!.base}/search?q=grokking`);
      await page.getByRole("button", { name: "Save this search" }).click();
      await page.getByRole("textbox", { name: "Name" }).press("Enter");
      await page.goto(`${app!.base}/saved`);
      await expect(page.getByRole("heading", { name: "grokking" })).toBeVisible();
      await expect(page.locator("[data-saved-search-counts]")).toContainText("0 new");
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      await context.close();
    }
  });
});
