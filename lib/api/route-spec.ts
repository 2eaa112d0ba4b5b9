import type { z } from "zod";

// How an /api/* route is described for the OpenAPI document (lib/api/openapi.ts): the zod
// schemas its handler parses its input with and types its answers with, plus the words a
// reader needs. Every description is listed in lib/api/routes.ts.

export interface ApiResponseSpec {
  description: string;
  /** The JSON body's schema; it needs a `.meta({ title })`, which names it in the document. */
  schema?: z.ZodType;
  /** Headers worth documenting (a redirect's Location), by name. */
  headers?: Record<string, { description: string }>;
}

export interface ApiRouteSpec {
  method: "get" | "post";
  /** The path as OpenAPI writes it: `/api/papers/{slug}` for app/api/papers/[slug]/route.ts. */
  path: `/api/${string}`;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** The schema the handler parses the path's dynamic segments with. */
  pathParams?: z.ZodObject;
  /** The schema the handler parses the query string with (every field needs a description). */
  query?: z.ZodObject;
  /** The schema the handler parses the body with, and the media types it accepts. */
  body?: { schema: z.ZodType; mediaTypes: string[]; description: string };
  /** Names of `components.securitySchemes` entries, any one of which is enough. */
  security?: string[];
  responses: Record<number, ApiResponseSpec>;
}

/** Checks a description's shape where it is written (a plain object would lose the literal types). */
export const defineRoute = (spec: ApiRouteSpec): ApiRouteSpec => spec;
