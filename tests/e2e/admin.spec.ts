import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse, type Page, type PlaywrightWorkerArgs } from "@playwright/test";
import { waitUntil } from "../../lib/wait-until";
import { ADMIN_TOKEN, E2E_ENV } from "../../playwright.config";
import { freePort } from "../../scripts/lib/free-port";
import { runScript } from "../support/cli";

// Editors over HTTP, where they meet the app: signing in and out, the session cookie, the
// redirect after sign-in, tokens that are wrong, missing, too short or changed. Tests that need
// another configuration start a second `next start` on the same data (the build, database and
// Meilisearch of the app under test) and stop it again. Nothing here changes a paper for good.

const SLUG = "query-rewriting-for-retrieval-augmented-large-language-models";
const PAPER = `/papers/${SLUG}`;
const TOPICS_API = `/api${PAPER}/topics`;
const COOKIE = "paperdex_admin";
const UNAUTHORIZED = { error: "Sign in as an editor first (/admin).", code: "unauthorized" };
const DISABLED = { error: "Topic editing is off: the server has no ADMIN_TOKEN.", code: "disabled" };

/**
 * Asks for a correction that can never be applied (an unknown action): 400 means the caller got
 * past sign-in, 401/403 that it did not. Either way no paper changes.
 */
async function probe(request: APIRequestContext, headers: Record<string, string>, base = ""): Promise<number> {
  return (await request.post(`${base}${TOPICS_API}`, { headers, data: { action: "probe", topic: "reasoning" } })).status();
}

async function topicsOf(request: APIRequestContext, slug: string): Promise<string[]> {
  const response = await request.get(`/api/papers/${slug}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { topics: { slug: string }[] }).topics.map((t) => t.slug).sort();
}

interface SignIn {
  status: number;
  location: URL;
  /** Set-Cookie lines. */
  cookies: string[];
}

/**
 * Signs in with the form post the /admin page makes, without following the redirect, from a
 * client of its own (so that no other request in the test carries the cookie unless told to).
 */
async function postLogin(
  playwright: PlaywrightWorkerArgs["playwright"],
  origin: string,
  token: string,
  next: string,
  headers: Record<string, string> = {},
): Promise<SignIn> {
  const client = await playwright.request.newContext();
  try {
    const response = await client.post(`${origin}/admin/login`, { form: { token, next }, headers, maxRedirects: 0 });
    return {
      status: response.status(),
      location: new URL(response.headers().location ?? "about:blank", origin),
      cookies: setCookies(response),
    };
  } finally {
    await client.dispose();
  }
}

function setCookies(response: APIResponse): string[] {
  return response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value);
}

/** The session cookie a sign-in set, as a Cookie header another client could copy. */
function copiedCookie(signIn: SignIn): { Cookie: string } {
  const pair = signIn.cookies.map((line) => line.split(";")[0]!).find((p) => p.startsWith(`${COOKIE}=`));
  expect(pair, "a session cookie").toBeDefined();
  return { Cookie: pair! };
}

async function signInInBrowser(page: Page, next: string) {
  await page.goto(`/admin?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Admin token").fill(ADMIN_TOKEN);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A second app server on the data of the app under test, with its own ADMIN_TOKEN ("" = none). */
async function startSecondServer(adminToken: string) {
  const meiliUrl = `http://127.0.0.1:${E2E_ENV.MEILI_PORT}`;
  const master = readFileSync(path.join(E2E_ENV.PAPERDEX_DATA_DIR, "meili-master.key"), "utf8").trim();
  const { results } = (await (
    await fetch(`${meiliUrl}/keys?limit=100`, { headers: { Authorization: `Bearer ${master}` } })
  ).json()) as {
    results: { key: string; name: string | null }[];
  };
  const key = (name: string) => results.find((k) => k.name === name)!.key;
  const port = await freePort();
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: {
      ...process.env,
      PAPERDEX_DATA_DIR: E2E_ENV.PAPERDEX_DATA_DIR,
      DATABASE_URL: "",
      MEILI_URL: meiliUrl,
      MEILI_API_KEY: key("paperdex-search"),
      MEILI_WRITE_KEY: key("paperdex-write"),
      MEILI_ADMIN_KEY: "",
      MEILI_MASTER_KEY: "",
      ADMIN_TOKEN: adminToken,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  try {
    await waitUntil(
      async () => {
        if (child.exitCode !== null) throw new Error(`the second server exited:\n${output}`);
        return (
          (await fetch(`${base}/api/health`).then(
            (r) => r.ok,
            () => false,
          )) || undefined
        );
      },
      { timeoutMs: 60_000, intervalMs: 250, what: `a second app server on ${base}` },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, stop };
}

test("a wrong Bearer token gets 401 and changes nothing", async ({ request }) => {
  const before = await topicsOf(request, SLUG);
  const wrong = [
    `Bearer ${ADMIN_TOKEN.slice(0, -1)}`,
    `Bearer ${ADMIN_TOKEN}x`,
    `Bearer ${ADMIN_TOKEN.toUpperCase()}`,
    `Basic ${Buffer.from(`editor:${ADMIN_TOKEN}`).toString("base64")}`,
    ADMIN_TOKEN,
  ];
  for (const authorization of wrong) {
    for (const data of [
      { action: "remove", topic: before[0] },
      { action: "add", topic: "reasoning" },
    ]) {
      const response = await request.post(TOPICS_API, { headers: { Authorization: authorization }, data });
      expect(response.status(), authorization).toBe(401);
      expect(await response.json()).toEqual(UNAUTHORIZED);
    }
  }
  expect(await topicsOf(request, SLUG)).toEqual(before);
  // The right token gets past sign-in (and the probe changes nothing either).
  expect(await probe(request, { Authorization: `Bearer ${ADMIN_TOKEN}` })).toBe(400);
});

test("signing in sets a new random session cookie: HttpOnly, SameSite=Strict, Path=/, 12 hours", async ({
  playwright,
  baseURL,
  request,
}) => {
  const values: string[] = [];
  for (let i = 0; i < 2; i++) {
    const signIn = await postLogin(playwright, baseURL!, ADMIN_TOKEN, "/");
    expect(signIn.status).toBe(303);
    expect(signIn.cookies).toHaveLength(1);
    const [pair, ...attributes] = signIn.cookies[0]!.split(";").map((part) => part.trim());
    const [name, value] = pair!.split("=");
    expect(name).toBe(COOKIE);
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(attributes.map((a) => a.toLowerCase())).toEqual(
      expect.arrayContaining(["httponly", "samesite=strict", "path=/", "max-age=43200"]),
    );
    expect(attributes.some((a) => /^domain=/i.test(a))).toBe(false);
    // Over plain HTTP the cookie cannot be Secure, or the browser would never send it back.
    expect(attributes.some((a) => /^secure$/i.test(a))).toBe(false);
    values.push(value!);
  }
  // Behind a proxy that terminates TLS (X-Forwarded-Proto: https), it is Secure.
  const proxied = await postLogin(playwright, baseURL!, ADMIN_TOKEN, "/", { "X-Forwarded-Proto": "https" });
  expect(proxied.cookies[0]!.split(";").map((part) => part.trim().toLowerCase())).toContain("secure");
  expect(values[1]).not.toBe(values[0]);
  for (const value of values) {
    expect(value).not.toContain(ADMIN_TOKEN);
    expect(await probe(request, { Cookie: `${COOKIE}=${value}` })).toBe(400);
  }
  // A wrong token sets no cookie.
  const refused = await postLogin(playwright, baseURL!, "not-the-admin-token", "/");
  expect(refused.status).toBe(303);
  expect(refused.cookies).toEqual([]);
});

test("after signing in, only paths on this site are followed", async ({ page, playwright, baseURL }) => {
  const home = new URL("/", baseURL);
  for (const next of [
    "//evil.example",
    "//evil.example/papers",
    "https://evil.example",
    "http:/evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
  ]) {
    const { status, location } = await postLogin(playwright, baseURL!, ADMIN_TOKEN, next);
    expect(status, next).toBe(303);
    expect(location.host, next).toBe(home.host);
    expect(location.pathname + location.search + location.hash, next).toBe("/");

    const retry = (await postLogin(playwright, baseURL!, "not-the-admin-token", next)).location;
    expect(retry.host, next).toBe(home.host);
    expect(retry.pathname, next).toBe("/admin");
    expect(retry.searchParams.get("next"), next).toBe("/");
  }
  const back = (await postLogin(playwright, baseURL!, ADMIN_TOKEN, `${PAPER}#topics`)).location;
  expect(back.pathname + back.hash).toBe(`${PAPER}#topics`);

  // In the browser, from a crafted link.
  await signInInBrowser(page, "//evil.example");
  await expect(page).toHaveURL(home.href);
});

test("signing out ends the session, also for a copied cookie", async ({ page, request }) => {
  await signInInBrowser(page, `${PAPER}#topics`);
  await expect(page).toHaveURL(new RegExp(`${PAPER}#topics$`));
  const topics = page.getByRole("region", { name: "Topics" });
  await expect(topics.getByRole("button", { name: /^Remove the topic / }).first()).toBeVisible();

  const cookie = (await page.context().cookies()).find((c) => c.name === COOKIE)!;
  const copied = { Cookie: `${COOKIE}=${cookie.value}` };
  expect(await probe(request, copied)).toBe(400);

  await page.goto("/admin");
  await expect(page.getByText("You are signed in as an editor.")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByLabel("Admin token")).toBeVisible();
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain(COOKIE);

  const reused = await request.post(TOPICS_API, { headers: copied, data: { action: "probe", topic: "reasoning" } });
  expect(reused.status()).toBe(401);
  expect(await reused.json()).toEqual(UNAUTHORIZED);
  // Put back into the browser, the old cookie gives no editing either.
  await page.context().addCookies([cookie]);
  await page.goto(PAPER);
  await expect(topics.getByRole("link", { name: "Correct these topics (editors)" })).toBeVisible();
  await expect(topics.getByRole("button")).toHaveCount(0);
});

test("the Add a topic form is offered only while a topic can be added", async ({ page, request }) => {
  const { papers } = (await (await request.get("/api/papers?perPage=100")).json()) as {
    papers: { slug: string; topics: string[] }[];
  };
  const paper = papers.find((p) => p.topics.length === 3);
  expect(paper, "a paper with 3 topics").toBeDefined();
  const slug = paper!.slug;
  const before = await topicsOf(request, slug);
  const taxonomy = (await (await request.get("/api/topics")).json()) as { slug: string; name: string }[];
  const [extra, fifth] = taxonomy.filter((t) => !before.includes(t.slug));
  const api = `/api/papers/${slug}/topics`;
  const bearer = { Authorization: `Bearer ${ADMIN_TOKEN}` };

  await signInInBrowser(page, `/papers/${slug}#topics`);
  const topics = page.getByRole("region", { name: "Topics" });
  await expect(topics.getByLabel("Add a topic")).toBeVisible();

  const added = await request.post(api, { headers: bearer, data: { action: "add", topic: extra!.slug } });
  try {
    expect(added.status()).toBe(200);
    expect(((await added.json()) as { topics: string[] }).topics).toHaveLength(4);
    await page.reload();
    await expect(topics.getByRole("link", { name: extra!.name, exact: true })).toBeVisible();
    await expect(topics.getByLabel("Add a topic")).toHaveCount(0);
    await expect(topics.getByRole("button", { name: "Add", exact: true })).toHaveCount(0);
    await expect(topics.getByText("A paper has at most 4 topics: remove one first.")).toBeVisible();
    // Removing stays possible, and the API agrees that a fifth topic cannot be added.
    await expect(topics.getByRole("button", { name: /^Remove the topic / }).first()).toBeVisible();
    const refused = await request.post(api, { headers: bearer, data: { action: "add", topic: fifth!.slug } });
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe("too-many");
  } finally {
    const undone = await request.post(api, { headers: bearer, data: { action: "undo", topic: extra!.slug } });
    expect(undone.status()).toBe(200);
  }
  expect(await topicsOf(request, slug)).toEqual(before);
  await page.reload();
  await expect(topics.getByLabel("Add a topic")).toBeVisible();
});

test("with editing off (no ADMIN_TOKEN) the API answers 403 and pages offer no editing", async ({
  page,
  playwright,
  baseURL,
  request,
}) => {
  // A valid session of the app under test, and its token: neither may edit on a server without a token.
  const session = copiedCookie(await postLogin(playwright, baseURL!, ADMIN_TOKEN, "/"));
  const before = await topicsOf(request, SLUG);
  const off = await startSecondServer("");
  try {
    const callers: Record<string, string>[] = [{}, { Authorization: `Bearer ${ADMIN_TOKEN}` }, session];
    for (const headers of callers) {
      const response = await request.post(`${off.base}${TOPICS_API}`, {
        headers,
        data: { action: "remove", topic: before[0] },
      });
      expect(response.status()).toBe(403);
      expect(await response.json()).toEqual(DISABLED);
    }
    const form = await request.post(`${off.base}${TOPICS_API}`, {
      headers: session,
      form: { action: "remove", topic: before[0]! },
      maxRedirects: 0,
    });
    expect(form.status()).toBe(303);
    expect(new URL(form.headers().location!).searchParams.get("error")).toBe("disabled");

    const login = await postLogin(playwright, off.base, ADMIN_TOKEN, "/");
    expect(login.status).toBe(303);
    expect(login.cookies).toEqual([]);

    await page.context().addCookies([{ name: COOKIE, value: session.Cookie.split("=")[1]!, url: off.base }]);
    await page.goto(`${off.base}${PAPER}`);
    const topics = page.getByRole("region", { name: "Topics" });
    await expect(topics.getByRole("link").first()).toBeVisible();
    await expect(topics.getByRole("button")).toHaveCount(0);
    await expect(topics.getByRole("link", { name: "Correct these topics (editors)" })).toHaveCount(0);
    await page.goto(`${off.base}/admin`);
    await expect(page.getByText("Editing is off")).toBeVisible();
    await expect(page.getByLabel("Admin token")).toHaveCount(0);
  } finally {
    await off.stop();
  }
  expect(await topicsOf(request, SLUG)).toEqual(before);
});

test("a new ADMIN_TOKEN ends the sessions opened under the old one", async ({ playwright, baseURL, request }) => {
  const NEW_TOKEN = "rotated-admin-token-9876543210";
  const old = copiedCookie(await postLogin(playwright, baseURL!, ADMIN_TOKEN, "/"));
  expect(await probe(request, old)).toBe(400);
  const rotated = await startSecondServer(NEW_TOKEN);
  try {
    expect(await probe(request, old, rotated.base)).toBe(401);
    expect(await probe(request, { Authorization: `Bearer ${ADMIN_TOKEN}` }, rotated.base)).toBe(401);
    expect(await probe(request, { Authorization: `Bearer ${NEW_TOKEN}` }, rotated.base)).toBe(400);
    const fresh = copiedCookie(await postLogin(playwright, rotated.base, NEW_TOKEN, "/"));
    expect(await probe(request, fresh, rotated.base)).toBe(400);
    // The app under test still has the old token: the new session means nothing there.
    expect(await probe(request, fresh)).toBe(401);
  } finally {
    await rotated.stop();
  }
  // Back on the old token, the session it opened before the change is over too.
  expect(await probe(request, old)).toBe(401);
});

test("a too-short ADMIN_TOKEN stops the app at start with a clear message", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "paperdex-short-token-"));
  const env = { PAPERDEX_DATA_DIR: dir, DATABASE_URL: "", MEILI_URL: "", ADMIN_TOKEN: "0123456789abcde" };
  try {
    const started = await runScript("start", ["--port", String(await freePort())], env, { killAfterMs: 60_000 });
    expect(started.code, started.stdout + started.stderr).toBe(1);
    expect(started.stderr).toContain("ADMIN_TOKEN: must be at least 16 characters");
    // It stopped before touching anything: no database, no Meilisearch.
    expect(readdirSync(dir)).toEqual([]);

    // An app server started on its own (as in the deployment guide) refuses the same way.
    const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(await freePort())], {
      env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    server.stdout.on("data", (d) => (output += d));
    server.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => server.kill("SIGKILL"), 60_000);
    const code = await new Promise<number | null>((resolve) => server.once("exit", resolve));
    clearTimeout(timer);
    expect(code, output).toBe(1);
    expect(output).toContain("ADMIN_TOKEN: must be at least 16 characters");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
