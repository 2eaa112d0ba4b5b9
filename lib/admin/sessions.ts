import "server-only";
import { createHash, randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import type { Db } from "../db";
import { env } from "../env";

// Editor sessions live in the database (EditorSession). The cookie carries 32 random bytes and
// the table only their SHA-256, so a copied cookie stops working when its row goes: at sign-out,
// at expiry, or when ADMIN_TOKEN changes (each row keeps a fingerprint of the token it was opened
// with). Every app server sharing the database accepts every session.

/** How long a session lasts (also the cookie's Max-Age). */
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

/** 32 bytes in base64url: anything else is not one of our cookies, and costs no query. */
const COOKIE_VALUE = /^[A-Za-z0-9_-]{43}$/;

const sha256 = (value: string) => createHash("sha256").update(value).digest();

/** The row id of a cookie value. */
const sessionId = (cookie: string) => sha256(cookie).toString("hex");

/** True when `token` is the configured ADMIN_TOKEN (compared in constant time). */
export function isAdminToken(token: string): boolean {
  const expected = env().ADMIN_TOKEN;
  return expected !== undefined && timingSafeEqual(sha256(token), sha256(expected));
}

let fingerprintCache: { token: string; value: string } | undefined;

/** A slow hash of the token, computed once per process: the table gives no cheap way to guess it. */
function tokenFingerprint(token: string): string {
  if (fingerprintCache?.token !== token)
    fingerprintCache = { token, value: scryptSync(token, "paperdex-editor-session", 32).toString("hex") };
  return fingerprintCache.value;
}

/**
 * Opens a session for someone who typed `token`: the new cookie value, or null when the token is
 * not ADMIN_TOKEN. Expired sessions, and those opened under an earlier token, are purged here.
 */
export async function openSession(db: Db, token: string, now = new Date()): Promise<string | null> {
  if (!isAdminToken(token)) return null;
  const fingerprint = tokenFingerprint(token);
  await db.editorSession.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { tokenHash: { not: fingerprint } }] } });
  const cookie = randomBytes(32).toString("base64url");
  await db.editorSession.create({
    data: {
      id: sessionId(cookie),
      tokenHash: fingerprint,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_SECONDS * 1000),
    },
  });
  return cookie;
}

/** True when `cookie` belongs to a live session opened under the current ADMIN_TOKEN. */
export async function hasSession(db: Db, cookie: string | undefined, now = new Date()): Promise<boolean> {
  const token = env().ADMIN_TOKEN;
  if (!token || !cookie || !COOKIE_VALUE.test(cookie)) return false;
  const session = await db.editorSession.findUnique({ where: { id: sessionId(cookie) } });
  if (!session) return false;
  const current = Buffer.from(tokenFingerprint(token), "hex");
  const stored = Buffer.from(session.tokenHash, "hex");
  if (session.expiresAt > now && stored.length === current.length && timingSafeEqual(stored, current)) return true;
  // Dead for good (expired, or from an earlier token): nothing will accept it again.
  await db.editorSession.deleteMany({ where: { id: session.id } });
  return false;
}

/** Ends the session of `cookie`, if there is one. */
export async function closeSession(db: Db, cookie: string | undefined): Promise<void> {
  if (cookie && COOKIE_VALUE.test(cookie)) await db.editorSession.deleteMany({ where: { id: sessionId(cookie) } });
}
