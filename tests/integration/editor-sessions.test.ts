import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createDb } from "@/lib/db";
import { deployMigrations } from "@/lib/migrations/migrate";
import { dropTestDatabase, onPostgres, testDatabaseUrl } from "../support/database";

// The editor session store on a real database (SQLite, or PostgreSQL in `npm run test:postgres`).
// The store reads ADMIN_TOKEN from the validated environment, as the app does: a token change
// is a fresh module graph over a changed process.env, like a restarted server.

const TOKEN_A = "editor-token-A-0123456789";
const TOKEN_B = "editor-token-B-9876543210";

const dir = mkdtempSync(path.join(os.tmpdir(), "paperdex-sessions-"));
const databaseUrl = testDatabaseUrl("sessions", dir);
await deployMigrations(databaseUrl);
const db = createDb(databaseUrl);

afterAll(async () => {
  await db.$disconnect();
  await dropTestDatabase(databaseUrl);
  rmSync(dir, { recursive: true, force: true });
});

/** The session store as a server started with this ADMIN_TOKEN sees it. */
async function serverWith(token: string | undefined) {
  vi.resetModules();
  if (token === undefined) delete process.env.ADMIN_TOKEN;
  else process.env.ADMIN_TOKEN = token;
  return import("@/lib/admin/sessions");
}

const rowId = (cookie: string) => createHash("sha256").update(cookie).digest("hex");

describe(`editor sessions on ${onPostgres() ? "PostgreSQL" : "SQLite"}`, () => {
  it("open only with the right token, with a fresh random cookie whose value is not stored", async () => {
    const store = await serverWith(TOKEN_A);
    const before = await db.editorSession.count();
    expect(await store.openSession(db, "editor-token-A-012345678")).toBeNull();
    expect(await store.openSession(db, "")).toBeNull();
    expect(await db.editorSession.count()).toBe(before);

    const first = await store.openSession(db, TOKEN_A);
    const second = await store.openSession(db, TOKEN_A);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second).not.toBe(first);
    expect(await db.editorSession.count()).toBe(before + 2);

    const row = await db.editorSession.findUniqueOrThrow({ where: { id: rowId(first!) } });
    expect(JSON.stringify(row)).not.toContain(first!);
    expect(JSON.stringify(row)).not.toContain(TOKEN_A);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(store.SESSION_TTL_SECONDS * 1000);
    expect(await store.hasSession(db, first!)).toBe(true);
    expect(await store.hasSession(db, second!)).toBe(true);
  });

  it("end at sign-out: a copied cookie stops working, other sessions go on", async () => {
    const store = await serverWith(TOKEN_A);
    const mine = (await store.openSession(db, TOKEN_A))!;
    const other = (await store.openSession(db, TOKEN_A))!;
    const copy = `${mine}`;
    expect(await store.hasSession(db, copy)).toBe(true);

    await store.closeSession(db, mine);
    expect(await store.hasSession(db, copy)).toBe(false);
    expect(await store.hasSession(db, mine)).toBe(false);
    expect(await db.editorSession.findUnique({ where: { id: rowId(mine) } })).toBeNull();
    expect(await store.hasSession(db, other)).toBe(true);
    // Signing out twice, or with no cookie, is harmless.
    await store.closeSession(db, mine);
    await store.closeSession(db, undefined);
  });

  it("end when ADMIN_TOKEN changes, and stay ended if it changes back", async () => {
    const underA = await serverWith(TOKEN_A);
    const cookieA = (await underA.openSession(db, TOKEN_A))!;
    expect(await underA.hasSession(db, cookieA)).toBe(true);

    const underB = await serverWith(TOKEN_B);
    expect(underB.isAdminToken(TOKEN_A)).toBe(false);
    expect(await underB.openSession(db, TOKEN_A)).toBeNull();
    expect(await underB.hasSession(db, cookieA)).toBe(false);
    const cookieB = (await underB.openSession(db, TOKEN_B))!;
    expect(await underB.hasSession(db, cookieB)).toBe(true);
    // Opening a session under B purged every session of A.
    const fingerprints = new Set((await db.editorSession.findMany()).map((s) => s.tokenHash));
    expect(fingerprints.size).toBe(1);

    const backToA = await serverWith(TOKEN_A);
    expect(await backToA.hasSession(db, cookieA)).toBe(false);
    expect(await backToA.hasSession(db, cookieB)).toBe(false);

    const editingOff = await serverWith(undefined);
    expect(editingOff.isAdminToken(TOKEN_A)).toBe(false);
    expect(await editingOff.openSession(db, TOKEN_A)).toBeNull();
  });

  it("expire, and expired sessions are purged at the next sign-in", async () => {
    const store = await serverWith(TOKEN_A);
    const cookie = (await store.openSession(db, TOKEN_A))!;
    const ttl = store.SESSION_TTL_SECONDS * 1000;
    expect(await store.hasSession(db, cookie, new Date(Date.now() + ttl - 60_000))).toBe(true);
    expect(await store.hasSession(db, cookie, new Date(Date.now() + ttl + 1_000))).toBe(false);

    const stale = (await store.openSession(db, TOKEN_A, new Date(Date.now() - ttl - 1_000)))!;
    expect(await db.editorSession.findUnique({ where: { id: rowId(stale) } })).not.toBeNull();
    const fresh = (await store.openSession(db, TOKEN_A))!;
    expect(await db.editorSession.findUnique({ where: { id: rowId(stale) } })).toBeNull();
    expect(await store.hasSession(db, fresh)).toBe(true);
  });

  it("refuse cookies that are not theirs without touching the database", async () => {
    const store = await serverWith(TOKEN_A);
    const spy = vi.spyOn(db.editorSession, "findUnique");
    for (const cookie of [undefined, "", "x", TOKEN_A, rowId("x"), "a".repeat(42), `${"a".repeat(42)}=`])
      expect(await store.hasSession(db, cookie)).toBe(false);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    // Well-formed but unknown.
    expect(await store.hasSession(db, "A".repeat(43))).toBe(false);
  });
});
