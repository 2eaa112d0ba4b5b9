import { expect, test, type Page } from "@playwright/test";
import type { AppServer } from "../support/app-server";
import { createSecondApp, type SecondApp } from "../support/second-app";

// Seen and new (issue 14 §2): a first visit sees the browse page's papers, a digest arrives,
// and a second visit (the page's clock moved past the 30-minute gap: Playwright's clock, the
// app's own code unchanged) marks the new papers, counts them in the header, hides what was
// seen, and hides a paper for good on request. The new digest goes into a database and index
// of their own, served by a second app server, so that the app under test keeps the seeds.

const WORD = "quillwort";
const NEW_TITLES = [1, 2, 3].map((n) => `Quillwort Networks for Sparse Retrieval ${n}`);

function newPaper(title: string, n: number): string {
  return [
    title,
    "",
    `We introduce ${WORD} networks, a sparse retrieval model number ${n} that indexes passages with learned ` +
      "term weights and prunes the posting lists, matching dense retrievers on standard benchmarks at a fraction of the cost.",
  ].join("\n");
}

const stored = (page: Page) =>
  page.evaluate(() => {
    const library = JSON.parse(localStorage.getItem("paperdex:library") ?? "{}") as {
      seen?: { papers: Record<string, number>; digests: Record<string, number> };
      visit?: { start: string; previous: string | null };
    };
    return {
      seen: Object.keys(library.seen?.papers ?? {}),
      digests: Object.keys(library.seen?.digests ?? {}),
      visit: library.visit,
    };
  });

test.describe("seen and new", () => {
  test.describe.configure({ mode: "serial", timeout: 240_000 });

  let second: SecondApp | undefined;
  let app: AppServer | undefined;

  test.beforeAll(async () => {
    // A hook's timeout is the default test timeout (30 s) unless set here; the ingest alone can take that on a busy machine.
    test.setTimeout(240_000);
    second = createSecondApp("seen");
    expect(second.ingest()).toMatch(/390 new/);
    app = await second.start();
  });

  test.afterAll(async () => {
    await second?.stop();
  });

  test("a second visit marks what arrived since the first, counts it in the header, hides what was seen; not interested hides for good", async ({
    browser,
  }) => {
    // Tall enough for the whole first page of cards to be on screen at once.
    const context = await browser.newContext({ viewport: { width: 1280, height: 9000 } });
    const page = await context.newPage();
    const base = app!.base;

    // First visit: nothing is new yet, and the cards on screen are remembered as seen.
    await page.goto(`${base}/`);
    const cards = page.getByRole("article");
    await expect(cards).toHaveCount(20);
    await expect.poll(async () => (await stored(page)).seen.length, { timeout: 15_000 }).toBe(20);
    const firstVisit = (await stored(page)).visit!;
    expect(firstVisit.previous).toBeNull();
    await expect(page.locator("[data-new-mark]")).toHaveCount(0);
    await expect(page.locator("[data-new-papers]")).toHaveCount(0);
    const seenInFirstVisit = (await stored(page)).seen;

    // A digest arrives.
    expect(
      second!.ingestDigest("2026-12-30.txt", `Daily Papers\n\nDec 30\n\n${NEW_TITLES.map(newPaper).join("\n\n")}\n`),
    ).toMatch(/3 new/);

    // Second visit, more than 30 minutes after the first page load.
    await page.clock.setFixedTime(new Date(Date.parse(firstVisit.start) + 31 * 60_000));
    await page.goto(`${base}/`);
    const header = page.getByRole("navigation", { name: "Main" });
    const newLink = header.getByRole("link", { name: "3 new papers since your last visit" });
    await expect(newLink).toBeVisible();
    expect((await stored(page)).visit!.previous).toBe(firstVisit.start);

    // The new papers carry the mark wherever they are listed: the search the header links to…
    await newLink.click();
    await expect(page).toHaveURL(/\/search\?since=.+&sort=newest$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("3 papers");
    for (const title of NEW_TITLES) {
      await expect(page.getByRole("article").filter({ hasText: title }).getByText("New since your last visit")).toBeVisible();
    }
    // …and their digest's page, which is remembered as visited.
    const answer = (await (await page.request.get(`${base}/api/search?q=${WORD}`)).json()) as { hits: { digests: string[] }[] };
    const digestId = answer.hits[0]!.digests[0]!;
    await page.goto(`${base}/digests/${digestId}`);
    await expect(page.locator("[data-new-mark]")).toHaveCount(3);
    await expect.poll(async () => (await stored(page)).digests).toContain(digestId);
    // Papers that were there before the last visit are not new.
    await page.goto(`${base}/search?q=lottery+tickets`);
    await expect(page.getByRole("article").first()).toBeVisible();
    await expect(page.locator("[data-new-mark]")).toHaveCount(0);

    // Hide seen: the papers seen in the first visit go; the toggle is in the URL and survives a reload.
    await page.goto(`${base}/`);
    await page.getByRole("link", { name: "Hide seen papers" }).click();
    await expect(page).toHaveURL(/\/\?hide=seen$/);
    const onPage = await page.locator("li[data-paper]").evaluateAll((items) => items.map((li) => li.getAttribute("data-paper")!));
    const hidden = onPage.filter((slug) => seenInFirstVisit.includes(slug));
    expect(hidden.length).toBeGreaterThan(0);
    const notice = `${hidden.length} seen ${hidden.length === 1 ? "paper" : "papers"} hidden on this page.`;
    await expect(page.getByText(notice)).toBeVisible();
    await expect(cards).toHaveCount(onPage.length - hidden.length);
    for (const slug of hidden) await expect(page.locator(`li[data-paper="${slug}"]`)).toBeHidden();
    await expect(page.getByRole("link", { name: "Next →" })).toHaveAttribute("href", "/?page=2&hide=seen");

    await page.reload();
    await expect(page.getByText(notice)).toBeVisible();
    await expect(cards).toHaveCount(onPage.length - hidden.length);
    await page.getByRole("link", { name: "Show them" }).click();
    await expect(page).toHaveURL(new RegExp(`^${base}/$`));
    await expect(cards).toHaveCount(20);

    // Not interested: the card goes, Undo (focused, in a live region) brings it back.
    const first = cards.first();
    const title = (await first.getByRole("heading").textContent())!;
    await first.getByRole("button", { name: `Not interested in “${title}”` }).click();
    await expect(page.getByRole("article").filter({ hasText: title })).toHaveCount(0);
    const undo = page.getByRole("status").getByRole("button", { name: "Undo" });
    await expect(undo).toBeFocused();
    await expect(page.getByRole("status").filter({ hasText: `Not interested: “${title}” is hidden` })).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("article").filter({ hasText: title })).toBeVisible();

    // Hidden for good: after a reload too, and listed on /lists, where it can be shown again.
    await page
      .getByRole("article")
      .filter({ hasText: title })
      .getByRole("button", { name: /^Not interested in/ })
      .click();
    await page.reload();
    await expect(cards.first()).toBeVisible();
    await expect(page.getByRole("article").filter({ hasText: title })).toHaveCount(0);
    await page.goto(`${base}/lists`);
    const section = page.getByRole("region", { name: "Not interested (1)" });
    await expect(section.getByRole("link", { name: title })).toBeVisible();
    await section.getByRole("button", { name: `Show again “${title}”` }).click();
    await expect(page.getByRole("region", { name: "Not interested (0)" })).toBeVisible();
    await page.goto(`${base}/`);
    await expect(page.getByRole("article").filter({ hasText: title })).toBeVisible();
    await context.close();
  });

  test("the marks, the toggle and the notice fit a phone, in light and dark", async ({ browser }) => {
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ viewport: { width: 375, height: 800 }, colorScheme });
      const page = await context.newPage();
      await page.goto(`${app!.base}/?hide=seen`);
      await expect(page.getByRole("link", { name: "Show seen papers" })).toBeVisible();
      await expect(page.getByText("No paper on this page was seen before this visit.")).toBeVisible();
      await page
        .getByRole("article")
        .first()
        .getByRole("button", { name: /^Not interested in/ })
        .click();
      await expect(page.getByRole("button", { name: "Undo" })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      await context.close();
    }
  });
});
