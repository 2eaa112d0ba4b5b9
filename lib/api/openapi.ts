import "server-only";
import { z } from "zod";
import packageJson from "../../package.json";
import { ADMIN_COOKIE } from "../admin/auth";
import type { ApiResponseSpec, ApiRouteSpec } from "./route-spec";
import * as ROUTES from "./routes";
import type { OpenApiDocument } from "./schemas";

// The OpenAPI 3.1 document of the /api/* routes, generated from the zod schemas the handlers
// parse their input with and type their answers with (lib/api/routes.ts lists them), so the
// description cannot say one thing while the code does another.

type JsonSchema = Record<string, unknown>;

/** What a client may send, as z.toJSONSchema writes it (before coercion and defaults). */
export const requestJsonSchema = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" });

/** What the server answers, as z.toJSONSchema writes it (objects admit no other properties). */
export const responseJsonSchema = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: "output", target: "draft-2020-12" });

/** The name a schema goes by in `components.schemas`: its `.meta({ title })`. */
export function componentName(schema: z.ZodType): string {
  const title = schema.meta()?.title;
  if (typeof title !== "string" || !/^[A-Za-z0-9._-]+$/.test(title)) {
    throw new Error("a schema in the OpenAPI document needs .meta({ title }) with a component name");
  }
  return title;
}

const SECURITY_SCHEMES = {
  adminToken: { type: "http", scheme: "bearer", description: "The server's ADMIN_TOKEN, as scripts send it." },
  adminSession: { type: "apiKey", in: "cookie", name: ADMIN_COOKIE, description: "The session /admin opens for an editor." },
} as const;

/** Builds the document from route descriptions (all of lib/api/routes.ts unless told). */
export function buildOpenApiDocument(routes: ApiRouteSpec[] = Object.values(ROUTES)): OpenApiDocument {
  const schemas: Record<string, JsonSchema> = {};
  const named = new Map<string, { schema: z.ZodType; io: "input" | "output" }>();

  const component = (schema: z.ZodType, io: "input" | "output") => {
    const name = componentName(schema);
    const known = named.get(name);
    if (!known) {
      named.set(name, { schema, io });
      schemas[name] = io === "input" ? requestJsonSchema(schema) : responseJsonSchema(schema);
    } else if (known.schema !== schema || known.io !== io) {
      throw new Error(`two different schemas are called "${name}" in the OpenAPI document`);
    }
    return { $ref: `#/components/schemas/${name}` };
  };

  const parameters = (schema: z.ZodObject | undefined, location: "path" | "query") => {
    if (!schema) return [];
    const properties = (requestJsonSchema(schema).properties ?? {}) as Record<string, JsonSchema>;
    return Object.entries(properties).map(([name, { description, ...property }]) => {
      if (typeof description !== "string") throw new Error(`parameter "${name}" needs a .describe() in its schema`);
      // Whether the handler accepts the parameter's absence, asked of the schema it parses with.
      const field = schema.shape[name] as z.ZodType;
      const required = location === "path" || !field.safeParse(undefined).success;
      return { name, in: location, description, required, schema: property };
    });
  };

  const response = ({ description, schema, headers }: ApiResponseSpec) => ({
    description,
    ...(headers && {
      headers: Object.fromEntries(
        Object.entries(headers).map(([name, h]) => [name, { description: h.description, schema: { type: "string" } }]),
      ),
    }),
    ...(schema && { content: { "application/json": { schema: component(schema, "output") } } }),
  });

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of [...routes].sort((a, b) => a.path.localeCompare(b.path))) {
    const item = (paths[route.path] ??= {});
    if (item[route.method]) throw new Error(`${route.method.toUpperCase()} ${route.path} is described twice`);
    for (const name of route.security ?? []) {
      if (!(name in SECURITY_SCHEMES)) throw new Error(`${route.path}: unknown security scheme "${name}"`);
    }
    const params = [...parameters(route.pathParams, "path"), ...parameters(route.query, "query")];
    item[route.method] = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description && { description: route.description }),
      tags: route.tags,
      ...(params.length > 0 && { parameters: params }),
      ...(route.body && {
        requestBody: {
          required: true,
          description: route.body.description,
          content: Object.fromEntries(
            route.body.mediaTypes.map((type) => [type, { schema: component(route.body!.schema, "input") }]),
          ),
        },
      }),
      ...(route.security && { security: route.security.map((name) => ({ [name]: [] })) }),
      responses: Object.fromEntries(Object.entries(route.responses).map(([status, spec]) => [status, response(spec)])),
    };
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "Paperdex",
      version: packageJson.version,
      description:
        "Search and browse the papers of AI research digests. Every answer is JSON; a refused parameter gets a 400 naming it.",
    },
    paths,
    components: { schemas, securitySchemes: SECURITY_SCHEMES },
  };
}

let cached: OpenApiDocument | undefined;

/** The document of this build (it only changes with the code). */
export function openApiDocument(): OpenApiDocument {
  return (cached ??= buildOpenApiDocument());
}
