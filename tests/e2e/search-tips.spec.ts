import { expect, test } from "@playwright/test";
import { SEARCH_TIPS } from "../../lib/search/query-syntax";

test("the search page lists its query syntax, closed until asked for, and an example runs its search", async ({ page }) => {
  await page.goto("/search?q=diffusion");
  const phrase = page.getByRole("link", { name: '"chain of thought"', exact: true });
  await expect(phrase).toBeHidden();

  await page.getByText("Search tips", { exact: true }).click();
  const tips = page.getByRole("group").filter({ hasText: "Search tips" });
  await expect(tips.getByRole("listitem")).toHaveCount(SEARCH_TIPS.length);
  await expect(tips.getByRole("listitem").first()).toContainText("Quotes find a phrase");

  await phrase.click();
  await expect(page).toHaveURL(/\/search\?q=%22chain\+of\+thought%22$/);
  await expect(page.getByRole("searchbox", { name: "Search papers" }).last()).toHaveValue('"chain of thought"');
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^\d+ papers? for “"chain of thought"”$/);
  await expect(page.getByRole("article").first()).toBeVisible();
});

test("every search tip's example finds papers in the seed digests", async ({ request }) => {
  for (const { example } of SEARCH_TIPS) {
    const response = await request.get(`/api/search?${new URLSearchParams({ q: example }).toString()}`);
    expect(response.status(), example).toBe(200);
    const body = (await response.json()) as { total: number; engine: string };
    expect(body.engine, example).toBe("meilisearch");
    expect(body.total, example).toBeGreaterThan(0);
  }
});
