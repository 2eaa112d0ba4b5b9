// POST /admin/login – exchanges ADMIN_TOKEN for an editor session cookie
import { NextResponse, type NextRequest } from "next/server";
import { ADMIN_COOKIE, safeNext, cameOverHttps, sessionCookieOptions } from "@/lib/admin/auth";
import { openSession } from "@/lib/admin/sessions";
import { db } from "@/lib/db";

export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  const field = (name: string) => {
    const value = form?.get(name);
    return typeof value === "string" ? value : "";
  };
  const token = field("token");
  const next = safeNext(field("next"));
  const session = token ? await openSession(db(), token) : null;
  if (!session) {
    const retry = new URL("/admin", request.url);
    retry.searchParams.set("error", "1");
    retry.searchParams.set("next", next);
    return NextResponse.redirect(retry, 303);
  }
  const response = NextResponse.redirect(new URL(next, request.url), 303);
  response.cookies.set(ADMIN_COOKIE, session, sessionCookieOptions(cameOverHttps(request)));
  return response;
}
