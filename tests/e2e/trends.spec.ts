import { expect, test, type Page } from "@playwright/test";
import type { AppServer } from "../support/app-server";
import { createSecondApp, type SecondApp } from "../support/second-app";

// /trends before and after a digest arrives. The new digest goes into a database and an index
// of their own (the seeds, then the new file), served by a second app server on the same build
// and Meilisearch, so that the app under test keeps exactly the seeds.

const PHRASE = "gaussian splatting";

function splattingPaper(n: number): string {
  return [
    `Fast Gaussian Splatting for Scene ${n}`,
    "",
    `We present a 3D Gaussian splatting method for novel view synthesis of scene ${n}. Gaussian splatting represents ` +
      "a scene with anisotropic 3D Gaussians rendered by rasterization, reaching real-time rendering from multi-view images. " +
      `Our variant ${n} prunes redundant Gaussians and improves reconstruction quality on standard benchmarks.`,
  ].join("\n");
}

test("the header links to Trends, which compares the last digest with the ones before", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Trends" }).click();
  await expect(page).toHaveURL(/\/trends$/);
  await expect(page.getByRole("heading", { level: 1, name: "Trends" })).toBeVisible();
  await expect(page.getByText(/What changed in the last digest .* compared with the previous 4 digests/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Last digest vs previous 5" })).toHaveAttribute("aria-current", "page");
});

test.describe("after a new digest is ingested", () => {
  test.describe.configure({ mode: "serial", timeout: 240_000 });

  // Made in beforeAll: Playwright also loads this file where it runs no test.
  let second: SecondApp | undefined;
  let app: AppServer | undefined;

  test.beforeAll(async () => {
    second = createSecondApp("trends");
    expect(second.ingest()).toMatch(/390 new/);
    app = await second.start();
  });

  test.afterAll(async () => {
    await second?.stop();
  });

  const newPhrases = (page: Page) => page.getByRole("region", { name: "New phrases" });

  test("shows the topics and phrases that rose, explained by their counts, without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app!.base}/trends`);
    await expect(page.getByRole("table", { name: /Topics that rose/ })).toBeVisible();
    await expect(newPhrases(page).getByRole("link", { name: `“${PHRASE}”` })).toHaveCount(0);

    expect(
      second!.ingestDigest("2026-01-15.txt", `Daily Papers\n\nJan 15\n\n${[1, 2, 3, 4].map(splattingPaper).join("\n\n")}\n`),
    ).toMatch(/4 new/);

    await page.reload();
    await expect(page.getByText(/What changed in the last digest \(15 January 2026, 4 papers\)/)).toBeVisible();
    const phrase = newPhrases(page).getByRole("listitem").filter({ hasText: PHRASE });
    await expect(phrase).toContainText("4 papers in the last digest, none in any digest before");
    const rising = page.getByRole("table", { name: /Topics that rose/ });
    const vision = rising.getByRole("row", { name: /Computer Vision/ });
    // Its papers and share in the last digest, and the chart's last point says the same share.
    const recent = (await vision.getByRole("cell").first().textContent()) ?? "";
    const share = /^[1-4] \((\d+\.\d)%\)$/.exec(recent)?.[1];
    expect(share, recent).toBeDefined();
    await expect(
      vision.getByRole("img", {
        name: new RegExp(`^Computer Vision, share of papers: .*${share!.replace(".", "\\.")}%$`),
      }),
    ).toBeVisible();
    await context.close();
  });

  test("a new phrase links to a search that finds its papers", async ({ page }) => {
    await page.goto(`${app!.base}/trends`);
    await newPhrases(page)
      .getByRole("link", { name: `“${PHRASE}”` })
      .click();
    await expect(page).toHaveURL(/\/search\?q=%22gaussian(%20|\+)splatting%22$/);
    const results = page.getByRole("article");
    await expect(results).toHaveCount(4);
    for (const title of await results.getByRole("heading").allTextContents()) expect(title).toMatch(/Gaussian Splatting/);
  });

  test("windows are chosen by link or form, kept in the URL, and refused with a reason when they cannot be made", async ({
    page,
  }) => {
    await page.goto(`${app!.base}/trends`);
    await page.getByRole("link", { name: "Last 5 digests vs previous 20" }).click();
    await expect(page).toHaveURL(/\/trends\?window=digests&recent=5&baseline=20$/);
    await expect(page.getByRole("link", { name: "Last 5 digests vs previous 20" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText(/What changed in the last 5 digests/)).toBeVisible();

    await page.getByLabel("Recent").fill("2");
    await page.getByLabel("Compared with the previous").fill("3");
    await page.getByRole("button", { name: "Compare" }).click();
    await expect(page).toHaveURL(/\/trends\?window=digests&recent=2&baseline=3$/);
    await expect(page.getByText(/What changed in the last 2 digests .* compared with the previous 3 digests/)).toBeVisible();

    await page.goto(`${app!.base}/trends?window=digests&recent=99`);
    // (Next.js adds an empty alert of its own, the route announcer.)
    await expect(page.getByRole("alert").filter({ hasText: "cannot be shown" })).toContainText("recent: must be at most");
    const api = await page.request.get(`${app!.base}/api/trends?window=weeks`);
    expect(api.status()).toBe(400);
    expect(((await api.json()) as { param: string }).param).toBe("window");
  });

  test("fits a phone's width, in light and dark", async ({ browser }) => {
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ viewport: { width: 375, height: 800 }, colorScheme });
      const page = await context.newPage();
      await page.goto(`${app!.base}/trends`);
      await expect(page.getByRole("heading", { level: 2, name: "Topics that rose" })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      await context.close();
    }
  });
});
