import { expect, test } from "@playwright/test";
import { ADMIN_TOKEN } from "../../playwright.config";

const PAPER = "/papers/query-rewriting-for-retrieval-augmented-large-language-models";

test("a paper explains its topics and highlights the evidence in the abstract", async ({ page }) => {
  await page.goto(PAPER);
  const topics = page.getByRole("region", { name: "Topics" });
  await expect(topics.getByRole("link", { name: "Retrieval & Embeddings" })).toBeVisible();
  await expect(topics.getByText(/Strongest evidence: .*“retrieval augmented” in the title/).first()).toBeVisible();

  await topics
    .getByRole("listitem")
    .filter({ hasText: "Retrieval & Embeddings" })
    .getByRole("link", { name: "show evidence in abstract" })
    .click();
  await expect(page).toHaveURL(/\?explain=retrieval-embeddings#abstract$/);
  await expect(page.getByText("Highlighting why this paper is in")).toBeVisible();
  const marks = page.locator("p mark");
  expect(await marks.count()).toBeGreaterThan(2);
  await expect(marks.first()).toHaveText(/retrieve|retrieval/i);
});

test("an editor signs in, removes a topic, sees it marked, and undoes it", async ({ page }) => {
  await page.goto(PAPER);
  const topics = page.getByRole("region", { name: "Topics" });
  await expect(topics.getByRole("button")).toHaveCount(0);

  await topics.getByRole("link", { name: "Correct these topics (editors)" }).click();
  await page.getByLabel("Admin token").fill("not the token");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That token is not right.")).toBeVisible();
  await page.getByLabel("Admin token").fill(ADMIN_TOKEN);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${PAPER}#topics$`));

  const target = topics.getByRole("listitem").filter({ hasText: "Large Language Models" });
  await target.getByRole("button", { name: "Remove the topic Large Language Models" }).click();
  await expect(page).toHaveURL(/\?edited=saved#topics$/);
  await expect(page.getByText("Topics updated.")).toBeVisible();
  await expect(topics.getByRole("link", { name: "Large Language Models" })).toHaveCount(0);
  await expect(topics.getByText("Removed by an editor:")).toBeVisible();

  await page.getByLabel("Add a topic").selectOption({ label: "Reasoning" });
  await topics.getByRole("button", { name: "Add" }).click();
  await expect(topics.getByRole("listitem").filter({ hasText: "Reasoning" }).getByText("edited")).toBeVisible();

  const api = await page.request.get(`/api/search?q=${encodeURIComponent("Query Rewriting for Retrieval-Augmented")}&perPage=1`);
  expect(((await api.json()) as { hits: { topics: string[] }[] }).hits[0]?.topics).toEqual(expect.arrayContaining(["reasoning"]));

  await topics.getByRole("button", { name: "Restore the topic Large Language Models" }).click();
  await topics.getByRole("button", { name: "Remove the topic Reasoning" }).click();
  await expect(topics.getByText("Removed by an editor:")).toHaveCount(0);
  await expect(topics.getByRole("link", { name: "Large Language Models" })).toBeVisible();
  await expect(topics.getByText("edited")).toHaveCount(0);
});

test("without a session the API refuses corrections", async ({ request }) => {
  const response = await request.post(`/api${PAPER}/topics`, { data: { action: "remove", topic: "reasoning" } });
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: "Sign in as an editor first (/admin).", code: "unauthorized" });
});

test("a topic page shows its volume, companions and phrases", async ({ page }) => {
  await page.goto("/topics/retrieval-embeddings");
  await expect(page.getByRole("img", { name: /Retrieval & Embeddings papers per digest/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Often together with" }).getByRole("link").first()).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: "Characteristic phrases" })
      .getByRole("link", { name: /retrieval/ })
      .first(),
  ).toBeVisible();
});
