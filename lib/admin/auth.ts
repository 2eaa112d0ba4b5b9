import "server-only";
import { db } from "../db";
import { env } from "../env";
import { hasSession, isAdminToken, SESSION_TTL_SECONDS } from "./sessions";

// Editors prove themselves with ADMIN_TOKEN: typed once into /admin, which opens a session kept
// in the database (lib/admin/sessions.ts) behind an httpOnly, SameSite=Strict cookie, or sent as
// "Authorization: Bearer <token>" by scripts.

export const ADMIN_COOKIE = "paperdex_admin";

export function editingEnabled(): boolean {
  return env().ADMIN_TOKEN !== undefined;
}

/**
 * Whether the browser reached us over HTTPS: directly, or through a proxy that terminates TLS
 * and says so (X-Forwarded-Proto), as the load balancer of a deployment does.
 */
export function cameOverHttps(request: Request): boolean {
  return (
    new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https"
  );
}

/** The attributes of the session cookie (and of the empty one that clears it at sign-out). */
export function sessionCookieOptions(secure: boolean, maxAge = SESSION_TTL_SECONDS) {
  return { httpOnly: true, sameSite: "strict", secure, path: "/", maxAge } as const;
}

/** True when the cookie belongs to a live editor session. */
export function isEditor(cookie: string | undefined): Promise<boolean> {
  return hasSession(db(), cookie);
}

/** A script's Bearer token, or else the browser's session cookie. */
export async function isAuthorized(request: Request, cookie: string | undefined): Promise<boolean> {
  const header = request.headers.get("authorization");
  if (header?.startsWith("Bearer ")) return isAdminToken(header.slice("Bearer ".length));
  return isEditor(cookie);
}

/** Only same-site relative paths may be redirected to after login. */
export function safeNext(next: string | null | undefined): string {
  return next && /^\/(?!\/)[\w\-./?=&%#]*$/.test(next) ? next : "/";
}
