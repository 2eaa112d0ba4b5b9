// POST /admin/logout – ends the editor session (also for any copy of its cookie)
import { NextResponse, type NextRequest } from "next/server";
import { ADMIN_COOKIE, cameOverHttps, sessionCookieOptions } from "@/lib/admin/auth";
import { closeSession } from "@/lib/admin/sessions";
import { db } from "@/lib/db";

export async function POST(request: NextRequest) {
  await closeSession(db(), request.cookies.get(ADMIN_COOKIE)?.value);
  const response = NextResponse.redirect(new URL("/admin", request.url), 303);
  response.cookies.set(ADMIN_COOKIE, "", sessionCookieOptions(cameOverHttps(request), 0));
  return response;
}
