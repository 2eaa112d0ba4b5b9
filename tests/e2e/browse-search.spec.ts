import { expect, test } from "@playwright/test";

const MEMCONTROL = "MemControl: Mitigating Memorization in Diffusion Models via Automated Parameter Selection";

test("browse → search → filter by a topic → open a paper → back, with the URL as the state", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Recent papers" })).toBeVisible();
  await expect(page.getByText("390 papers from 5 digests")).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(20);

  const searchBox = page.getByRole("searchbox", { name: "Search papers" }).first();
  await searchBox.fill("difusion memorizaton");
  await searchBox.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=difusion\+memorizaton$/);
  const results = page.getByRole("article");
  await expect(results.first().getByRole("heading")).toHaveText(MEMCONTROL);
  await expect(results.first().locator("mark").first()).toBeVisible();

  const filters = page.getByRole("complementary", { name: "Filters" });
  const topicLink = filters.getByRole("link", { name: /Diffusion & Generative Models/ });
  const countBefore = Number(await topicLink.locator("span").last().textContent());
  await topicLink.click();
  await expect(page).toHaveURL(/\/search\?q=difusion\+memorizaton&topic=generative-models$/);
  await expect(filters.getByRole("link", { name: /Diffusion & Generative Models/ })).toHaveAttribute("aria-current", "true");
  const noun = countBefore === 1 ? "paper" : "papers";
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${countBefore} ${noun} for “difusion memorizaton”`);
  await expect(page.getByRole("link", { name: /Diffusion & Generative Models.*remove filter/ })).toBeVisible();

  await results.first().getByRole("link", { name: MEMCONTROL }).click();
  await expect(page).toHaveURL(/\/papers\/memcontrol-mitigating-memorization-in-diffusion-models/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(MEMCONTROL);
  await expect(page.getByRole("link", { name: /github\.com\/Raman1121\/Diffusion_Memorization_HPO/ })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Topics" }).getByRole("link", { name: "Diffusion & Generative Models" }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Related papers" }).getByRole("link")).not.toHaveCount(0);

  await page.goBack();
  await expect(page).toHaveURL(/\/search\?q=difusion\+memorizaton&topic=generative-models$/);
  await expect(page.getByRole("searchbox", { name: "Search papers" }).last()).toHaveValue("difusion memorizaton");
  await expect(results.first().getByRole("heading")).toHaveText(MEMCONTROL);
});

test("topic pages list topics with counts and their papers", async ({ page }) => {
  await page.goto("/topics");
  const card = page.getByRole("link", { name: /Reasoning/ }).first();
  const count = Number((await card.textContent())?.match(/(\d+) papers/)?.[1]);
  expect(count).toBeGreaterThan(0);
  await card.click();
  await expect(page).toHaveURL(/\/topics\/reasoning$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reasoning");
  await expect(page.getByRole("article")).toHaveCount(Math.min(count, 20));
});

test("an unknown paper is a 404 page, and the API explains a bad parameter", async ({ page, request }) => {
  const response = await page.goto("/papers/no-such-paper");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();

  const api = await request.get("/api/search?perPage=500");
  expect(api.status()).toBe(400);
  expect(await api.json()).toEqual({ error: 'invalid parameter "perPage": must be at most 100', param: "perPage" });
});

test("an empty search result explains what to try", async ({ page }) => {
  await page.goto("/search?q=zzqqxxyyvvww");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("No papers found");
  await expect(page.getByText("Nothing matches this search")).toBeVisible();
});
