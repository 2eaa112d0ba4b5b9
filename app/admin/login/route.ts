// POST /admin/login – exchanges ADMIN_TOKEN for an editor session cookie
import { NextResponse, type NextRequest } from "next/server";
import { ADMIN_COOKIE, safeNext, sessionValue } from "@/lib/admin/auth";

export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  const token = String(form?.get("token") ?? "");
  const next = safeNext(String(form?.get("next") ?? "/"));
  const session = token ? sessionValue(token) : null;
  if (!session) {
    const retry = new URL("/admin", request.url);
    retry.searchParams.set("error", "1");
    retry.searchParams.set("next", next);
    return NextResponse.redirect(retry, 303);
  }
  const response = NextResponse.redirect(new URL(next, request.url), 303);
  response.cookies.set(ADMIN_COOKIE, session, {
    httpOnly: true,
    sameSite: "strict",
    secure: request.nextUrl.protocol === "https:",
    path: "/",
    maxAge: 60 * 60 * 12,
  });
  return response;
}
