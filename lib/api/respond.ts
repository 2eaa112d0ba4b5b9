import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { isSearchUnreachable } from "../meilisearch/errors";
import { describeIssue } from "./params";
import type { ApiError, InvalidParameter } from "./schemas";

// One place that turns outcomes into HTTP responses, so handlers stay thin and no error
// detail (paths, keys, stack traces) leaks to clients.

export function json<T>(body: T, init?: ResponseInit): NextResponse<T> {
  return NextResponse.json(body, init);
}

export function badRequest(error: z.ZodError): NextResponse<InvalidParameter> {
  const { param, message } = describeIssue(error);
  return NextResponse.json<InvalidParameter>({ error: `invalid parameter "${param}": ${message}`, param }, { status: 400 });
}

export function notFound(what: string): NextResponse<ApiError> {
  return NextResponse.json<ApiError>({ error: `${what} not found` }, { status: 404 });
}

export function serverError(error: unknown, context: string): NextResponse<ApiError> {
  console.error(`[api] ${context}:`, error);
  const unavailable = isSearchUnreachable(error);
  return NextResponse.json<ApiError>(
    { error: unavailable ? "the search service is unavailable; try again shortly" : "internal error" },
    { status: unavailable ? 503 : 500 },
  );
}
