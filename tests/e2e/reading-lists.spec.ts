import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";

// Reading lists live in the browser (localStorage); share links and exports are rendered by the
// server from the link alone. Each test starts with an empty browser profile.

const GROKKING = "Grokking Tickets: Lottery Tickets Accelerate Grokking";
const status = (page: Page) => page.locator("[data-reading-list-status]");

/** Slugs of real papers, from the search API. */
async function slugsFor(page: Page, q: string, n: number): Promise<{ slug: string; title: string }[]> {
  const answer = (await (await page.request.get(`/api/search?q=${encodeURIComponent(q)}&perPage=${n}`)).json()) as {
    hits: { slug: string; title: string }[];
  };
  return answer.hits.slice(0, n);
}

test("save from a search result, reload, see it in /lists, open its share link without JavaScript, export BibTeX", async ({
  page,
  browser,
}) => {
  await page.goto("/search?q=grokking+tickets");
  const card = page.getByRole("article").filter({ hasText: GROKKING });
  const save = card.getByRole("button", { name: "Save", exact: true });
  await expect(save).toBeEnabled();
  await expect(save).toHaveAttribute("aria-pressed", "false");
  await save.click();
  await expect(save).toHaveAttribute("aria-pressed", "true");
  await expect(status(page)).toHaveText(`Saved “${GROKKING}” to Reading list`);

  await page.reload();
  await expect(card.getByRole("button", { name: "Save", exact: true })).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("link", { name: "Lists", exact: true }).click();
  await expect(page).toHaveURL(/\/lists$/);
  const papers = page.getByRole("list", { name: "Papers in Reading list" });
  await expect(papers.getByRole("link", { name: GROKKING })).toBeVisible();
  await expect(papers.getByText(/^Added \d{4}-\d{2}-\d{2}$/)).toBeVisible();
  await expect(papers.getByRole("listitem").getByRole("link").nth(1)).toHaveAttribute("href", /^\/topics\//);
  const shareLink = await page.getByRole("textbox", { name: "Share link" }).inputValue();
  expect(shareLink).toMatch(/\/list\?name=Reading\+list&paper=grokking-tickets/);

  // A fresh browser without JavaScript: the list is all in the server's HTML.
  const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
  try {
    const other = await context.newPage();
    await other.goto(shareLink);
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("Reading list");
    await expect(other.getByRole("article").getByRole("heading", { name: GROKKING })).toBeVisible();
    // Buttons that need JavaScript do not pretend to work.
    await expect(other.getByRole("button", { name: "Save a copy" })).toBeDisabled();
    await expect(other.getByRole("article").getByRole("button", { name: "Save", exact: true })).toBeDisabled();

    const downloading = other.waitForEvent("download");
    await other.getByRole("link", { name: "BibTeX" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("paperdex-list-reading-list.bib");
    const bib = readFileSync(await download.path(), "utf8");
    expect(bib.match(/^@misc\{/gm)).toHaveLength(1);
    expect(bib).toContain(`title = {${GROKKING}}`);
  } finally {
    await context.close();
  }
});

test("s saves and removes on a paper page, but not while typing", async ({ page }) => {
  const [paper] = await slugsFor(page, "grokking tickets", 1);
  await page.goto(`/papers/${paper!.slug}`);
  const save = page.getByRole("main").getByRole("button", { name: "Save", exact: true }).first();
  await expect(save).toBeEnabled();
  await expect(save).toHaveAttribute("aria-keyshortcuts", "s");
  await expect(page.getByText("or press")).toBeVisible();

  await page.keyboard.press("s");
  await expect(save).toHaveAttribute("aria-pressed", "true");
  await expect(status(page)).toHaveText(`Saved “${paper!.title}” to Reading list`);

  const box = page.getByRole("banner").getByRole("searchbox");
  await box.click();
  await page.keyboard.type("s");
  await expect(box).toHaveValue("s");
  await expect(save).toHaveAttribute("aria-pressed", "true");

  await page.locator("h1").click();
  await page.keyboard.press("s");
  await expect(save).toHaveAttribute("aria-pressed", "false");
  await expect(status(page)).toHaveText(`Removed “${paper!.title}” from Reading list`);
});

test("the list menu saves to another list, and a second tab follows", async ({ page, context }) => {
  await page.goto("/search?q=grokking+tickets");
  const card = page.getByRole("article").filter({ hasText: GROKKING });
  await card.getByRole("button", { name: `Choose lists for “${GROKKING}”` }).click();
  const panel = card.getByRole("group", { name: `Lists for “${GROKKING}”` });
  await panel.getByRole("textbox", { name: "New list name" }).fill("Thesis");
  await panel.getByRole("textbox", { name: "New list name" }).press("Enter");
  await expect(panel.getByRole("checkbox", { name: "Thesis" })).toBeChecked();
  await expect(panel.getByRole("checkbox", { name: /Reading list/ })).not.toBeChecked();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(card.getByRole("button", { name: `Choose lists for “${GROKKING}”` })).toBeFocused();

  const second = await context.newPage();
  await second.goto("/lists");
  await second.getByRole("button", { name: /^Thesis/ }).click();
  await expect(second.getByRole("list", { name: "Papers in Thesis" }).getByRole("link", { name: GROKKING })).toBeVisible();
  // Saving in the first tab shows up in the second without a reload (the storage event).
  await card.getByRole("button", { name: "Save", exact: true }).click();
  await second.getByRole("button", { name: /^Reading list/ }).click();
  await expect(second.getByRole("list", { name: "Papers in Reading list" }).getByRole("link", { name: GROKKING })).toBeVisible();
});

test("the save control's buttons are touch targets of at least 24 × 24 px (WCAG 2.5.8)", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/search?q=grokking+tickets");
  const card = page.getByRole("article").filter({ hasText: GROKKING });
  for (const name of ["Save", `Choose lists for “${GROKKING}”`]) {
    const box = await card.getByRole("button", { name, exact: true }).boundingBox();
    expect(box, name).not.toBeNull();
    expect(box!.width, `${name} width`).toBeGreaterThanOrEqual(24);
    expect(box!.height, `${name} height`).toBeGreaterThanOrEqual(24);
  }
});

test("/lists: reorder by keyboard, remove and delete with undo, rename, export and import", async ({ page }) => {
  const papers = await slugsFor(page, "model merging", 3);
  expect(papers).toHaveLength(3);
  await page.goto("/lists");
  await page.evaluate(
    (slugs) => {
      const entries = slugs.map((slug) => ({ slug, addedAt: "2026-01-02T03:04:05.000Z" }));
      const library = {
        version: 1,
        defaultListId: "default",
        lists: [{ id: "default", name: "Reading list", createdAt: "2026-01-01T00:00:00.000Z", entries }],
      };
      localStorage.setItem("paperdex:library", JSON.stringify(library));
    },
    papers.map((p) => p.slug),
  );
  await page.reload();
  const list = page.getByRole("list", { name: "Papers in Reading list" });
  const titles = () => list.getByRole("heading", { level: 3 }).allTextContents();
  await expect.poll(titles).toEqual(papers.map((p) => p.title));

  const down = page.getByRole("button", { name: `Move “${papers[0]!.title}” down` });
  await down.focus();
  await page.keyboard.press("Enter");
  await expect.poll(titles).toEqual([papers[1]!.title, papers[0]!.title, papers[2]!.title]);
  await expect(down).toBeFocused();
  await page.keyboard.press("Enter");
  await expect.poll(titles).toEqual([papers[1]!.title, papers[2]!.title, papers[0]!.title]);
  await expect(down).toBeDisabled();

  await page.getByRole("button", { name: `Remove “${papers[2]!.title}”` }).click();
  await expect.poll(titles).toEqual([papers[1]!.title, papers[0]!.title]);
  await expect(page.getByRole("button", { name: "Undo" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect.poll(titles).toEqual([papers[1]!.title, papers[2]!.title, papers[0]!.title]);

  await page.getByRole("button", { name: "Rename" }).click();
  await page.getByRole("textbox", { name: "New name" }).fill("Merging");
  await page.getByRole("textbox", { name: "New name" }).press("Enter");
  await expect(page.getByRole("heading", { level: 2, name: "Merging" })).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export all lists (JSON)" }).click();
  const exported = readFileSync(await (await downloading).path(), "utf8");
  expect(JSON.parse(exported)).toMatchObject({ version: 1, lists: [{ name: "Merging" }] });

  await page.getByRole("button", { name: "Delete list" }).click();
  await expect(page.getByRole("list", { name: "Papers in Merging" })).toBeHidden();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect.poll(() => page.getByRole("list", { name: "Papers in Merging" }).getByRole("heading").count()).toBe(3);

  const file = page.getByLabel("Lists file (JSON)");
  await file.setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{ not json") });
  await expect(page.getByText("“broken.json” was not imported: it is not JSON. Your lists are unchanged.")).toBeVisible();

  await page.getByRole("button", { name: "Delete list" }).click();
  await page.getByRole("radio", { name: "Replace my lists" }).check();
  await file.setInputFiles({ name: "backup.json", mimeType: "application/json", buffer: Buffer.from(exported) });
  await expect(page.getByText("Replaced your lists with 1 list (3 papers) from “backup.json”.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Papers in Merging" }).getByRole("heading")).toHaveCount(3);
});

test("unreadable stored lists are kept aside and offered for download, not lost", async ({ page }) => {
  await page.goto("/lists");
  await page.evaluate(() => localStorage.setItem("paperdex:library", '{"version":1,"lists":['));
  await page.reload();
  const alert = page.getByRole("alert").filter({ hasText: "Lists stored in this browser" });
  await expect(alert).toContainText("could not be read (it is not JSON). They were kept aside, not deleted");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download what was kept" }).click();
  expect(readFileSync(await (await downloading).path(), "utf8")).toBe('{"version":1,"lists":[');
  await page.getByRole("button", { name: "Discard it" }).click();
  await expect(alert).toHaveCount(0);
});

test("lists saved by a newer Paperdex stay as they are, read-only until a reload", async ({ page }) => {
  const newer = JSON.stringify({ version: 99, lists: "whatever comes next" });
  await page.goto("/lists");
  await page.evaluate((value) => localStorage.setItem("paperdex:library", value), newer);
  await page.reload();
  await expect(page.getByRole("alert").filter({ hasText: "saved by a newer Paperdex; reload the page" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create" })).toBeDisabled();
  expect(await page.evaluate(() => localStorage.getItem("paperdex:library"))).toBe(newer);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes("kept-aside")))).toEqual([]);
});

test("a share link shows missing papers as missing, and refuses more than 200 papers with a 400", async ({ page }) => {
  const [paper] = await slugsFor(page, "grokking tickets", 1);
  await page.goto(`/list?name=Mixed&paper=${paper!.slug}&paper=no-such-paper-anywhere`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mixed");
  await expect(page.getByText("2 papers, 1 no longer in Paperdex", { exact: false })).toBeVisible();
  await expect(page.getByText("Missing paper")).toBeVisible();
  await expect(page.getByText("no-such-paper-anywhere")).toBeVisible();

  const tooMany = Array.from({ length: 201 }, (_, i) => `paper=p-${i}`).join("&");
  const response = await page.goto(`/list?name=Big&${tooMany}`);
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This list link holds too many papers");
  const exported = await page.request.get(`/list/export.bib?${tooMany}`);
  expect(exported.status()).toBe(400);
});
