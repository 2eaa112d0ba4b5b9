import { expect, test } from "@playwright/test";

test("results update as you type, without a full reload, and the URL follows", async ({ page }) => {
  await page.goto("/search");
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = "still here"));
  const box = page.locator("#search-page-q");
  await box.pressSequentially("grokking tickets", { delay: 20 });
  await expect(page).toHaveURL(/\/search\?q=grokking\+tickets$/);
  await expect(page.getByRole("article").first().getByRole("heading")).toHaveText(
    "Grokking Tickets: Lottery Tickets Accelerate Grokking",
  );
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("still here");

  // The URL stays the source of truth: reloading it gives the same results.
  await page.reload();
  await expect(page.locator("#search-page-q")).toHaveValue("grokking tickets");
  await expect(page.getByRole("article").first().getByRole("heading")).toHaveText(
    "Grokking Tickets: Lottery Tickets Accelerate Grokking",
  );
});

test("/ focuses the search box; arrow keys and Enter open a result", async ({ page }) => {
  await page.goto("/search?q=model+merging");
  await page.locator("body").click({ position: { x: 5, y: 300 } });
  await page.keyboard.press("/");
  await expect(page.locator("#search-page-q")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  const first = page.locator("[data-result-link]").first();
  await expect(first).toBeFocused();
  await page.keyboard.press("ArrowDown");
  const second = page.locator("[data-result-link]").nth(1);
  await expect(second).toBeFocused();
  const title = await second.textContent();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/papers\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title!);
});

test("facets: OR within topics with counts that stay put, AND with code, chips and clear all", async ({ page }) => {
  await page.goto("/search?q=learning");
  const filters = page.getByRole("complementary", { name: "Filters" });
  const topic = (name: string) => filters.getByRole("link", { name: new RegExp(`^✓?\\s*${name}`) });
  const count = async (name: string) => Number(await topic(name).locator("span").last().textContent());

  const reasoning = await count("Reasoning");
  const code = await count("Code & Programs");
  await topic("Reasoning").click();
  await expect(page).toHaveURL(/topic=reasoning/);
  expect(await count("Code & Programs")).toBe(code);
  await topic("Code & Programs").click();
  await expect(page).toHaveURL(/topic=reasoning&topic=code-generation/);
  expect(await count("Reasoning")).toBe(reasoning);
  const heading = page.getByRole("heading", { level: 1 });
  const both = Number((await heading.textContent())?.match(/^(\d+)/)?.[1]);
  expect(both).toBeGreaterThanOrEqual(Math.max(reasoning, code));
  expect(both).toBeLessThanOrEqual(reasoning + code);

  await filters.getByRole("link", { name: /With code/ }).click();
  await expect(page).toHaveURL(/hasCode=true/);
  const withCode = Number((await heading.textContent())?.match(/^(\d+)/)?.[1]);
  expect(withCode).toBeLessThanOrEqual(both);
  await expect(page.getByRole("link", { name: /Reasoning.*remove filter/ })).toBeVisible();

  await page.getByRole("link", { name: "Clear all" }).click();
  await expect(page).toHaveURL(/\/search\?q=learning$/);
});

test("a paper's related papers come from its text vector", async ({ page, request }) => {
  await page.goto("/papers/merging-models-with-fisher-weighted-averaging");
  const related = page.getByRole("region", { name: "Related papers" }).getByRole("link");
  await expect(related).toHaveCount(5);
  const titles = (await related.allTextContents()).join(" ");
  expect(titles).toMatch(/merg|soup|averag/i);
  const api = (await (await request.get("/api/papers/merging-models-with-fisher-weighted-averaging")).json()) as {
    related: unknown[];
  };
  expect(api.related).toHaveLength(5);
});

test("a search has an Atom feed and JSON, CSV and BibTeX exports", async ({ page, request }) => {
  await page.goto("/search?q=lora&topic=parameter-efficient-fine-tuning");
  const total = Number((await page.getByRole("heading", { level: 1 }).textContent())?.match(/^(\d+)/)?.[1]);
  const feedHref = await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute("href");
  expect(feedHref).toBe("/search/feed.xml?q=lora&topic=parameter-efficient-fine-tuning");

  const feed = await request.get(feedHref!);
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await feed.text();
  expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
  expect(xml.match(/<entry>/g)).toHaveLength(Math.min(total, 50));

  const exports = page.getByRole("navigation", { name: "Feed and exports" });
  const json = (await (await request.get((await exports.getByRole("link", { name: "JSON" }).getAttribute("href"))!)).json()) as {
    total: number;
    papers: object[];
  };
  expect(json.total).toBe(total);
  expect(json.papers).toHaveLength(total);
  expect(json.papers[0]).toEqual(
    expect.objectContaining({ slug: expect.any(String), abstract: expect.any(String), digests: expect.any(Array) }),
  );

  const csv = await (await request.get((await exports.getByRole("link", { name: "CSV" }).getAttribute("href"))!)).text();
  expect(csv.split("\r\n")[0]).toBe("slug,title,abstract,code_url,topics,digests,first_seen,url");
  const bib = await (await request.get((await exports.getByRole("link", { name: "BibTeX" }).getAttribute("href"))!)).text();
  expect(bib.match(/^@misc\{/gm)).toHaveLength(total);
});

test("digests are browsable, marking papers new there or seen before", async ({ page }) => {
  await page.goto("/digests");
  const rows = page.getByRole("main").getByRole("listitem");
  await expect(rows).toHaveCount(5);
  // The seeds' names carry no date and the app ingests them without --year: labels, no full dates.
  await expect(rows.filter({ hasText: "Mar 12" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Undated digest" })).toHaveCount(2);
  await expect(page.getByRole("main").locator("time")).toHaveCount(0);
  await page.getByRole("link", { name: /002_c4e6c4dd79857d85/ }).click();
  await expect(page).toHaveURL(/\/digests\/002_c4e6c4dd79857d85$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mar 11");
  await expect(page.getByRole("article")).toHaveCount(56);
  await expect(page.getByText("new", { exact: true }).first()).toBeVisible();
  const seenBefore = page.getByRole("link", { name: /seen before in/ });
  expect(await seenBefore.count()).toBeGreaterThan(0);
});

test("more like these: tick papers in the results, or paste an abstract", async ({ page }) => {
  await page.goto("/search?q=unlearning");
  const boxes = page.getByRole("checkbox", { name: "Select this paper for “More like these”" });
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole("button", { name: "More like the ticked papers" }).click();
  await expect(page).toHaveURL(/\/similar\?paper=[a-z0-9-]+&paper=[a-z0-9-]+$/);
  await expect(page.getByRole("group", { name: "Starting from" }).getByRole("checkbox")).toHaveCount(2);
  const nearest = page.getByRole("region", { name: "Nearest papers" }).getByRole("link");
  await expect(nearest).toHaveCount(20);

  await page.goto("/similar");
  await page
    .getByLabel("Abstract or description")
    .fill("We study catastrophic forgetting when a model learns a sequence of tasks.");
  await page.getByRole("button", { name: "Find similar papers" }).click();
  await expect(page.getByRole("region", { name: "Nearest papers" }).getByRole("link").first()).toBeVisible();
});
