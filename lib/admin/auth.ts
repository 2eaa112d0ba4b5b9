import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "../env";

// Editors prove themselves with ADMIN_TOKEN: typed once into /admin (kept in an httpOnly,
// SameSite=Strict cookie as a hash) or sent as "Authorization: Bearer <token>" by scripts.

export const ADMIN_COOKIE = "paperdex_admin";

export function editingEnabled(): boolean {
  return env().ADMIN_TOKEN !== undefined;
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** The cookie value for a valid token: its hash, so the token itself is never stored. */
export function sessionValue(token: string): string | null {
  const expected = env().ADMIN_TOKEN;
  if (!expected || !timingSafeEqual(digest(token), digest(expected))) return null;
  return digest(`paperdex-session:${expected}`).toString("hex");
}

export function isValidSession(cookie: string | undefined): boolean {
  const expected = env().ADMIN_TOKEN;
  if (!expected || !cookie) return false;
  return timingSafeEqual(digest(cookie), digest(digest(`paperdex-session:${expected}`).toString("hex")));
}

export function isAuthorized(request: Request, cookie: string | undefined): boolean {
  const header = request.headers.get("authorization");
  if (header?.startsWith("Bearer ")) return sessionValue(header.slice("Bearer ".length)) !== null;
  return isValidSession(cookie);
}

/** Only same-site relative paths may be redirected to after login. */
export function safeNext(next: string | null | undefined): string {
  return next && /^\/(?!\/)[\w\-./?=&%#]*$/.test(next) ? next : "/";
}
