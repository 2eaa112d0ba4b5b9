import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020";
import type { OpenApiDocument } from "@/lib/api/schemas";

// Reading the OpenAPI document as a client would: its operations, and Ajv (a JSON Schema
// 2020-12 validator, independent of zod) checking answers against the documented schemas.

export interface Parameter {
  name: string;
  in: "path" | "query";
  description: string;
  required: boolean;
  schema: Record<string, unknown>;
}

export interface Operation {
  operationId: string;
  summary: string;
  tags: string[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: { $ref: string } }> };
  security?: Record<string, string[]>[];
  responses: Record<string, { description: string; content?: Record<string, { schema: { $ref: string } }> }>;
}

export const HTTP_METHODS = ["get", "post", "put", "patch", "delete", "head", "options"] as const;

/** Every operation of the document as [method, path, operation]. */
export function operations(doc: OpenApiDocument): [string, string, Operation][] {
  return Object.entries(doc.paths).flatMap(([route, item]) =>
    Object.entries(item).map(([method, operation]): [string, string, Operation] => [method, route, operation as Operation]),
  );
}

export function operation(doc: OpenApiDocument, method: string, route: string): Operation {
  const found = doc.paths[route]?.[method];
  if (!found) throw new Error(`the document has no ${method.toUpperCase()} ${route}`);
  return found as Operation;
}

/** The component a `#/components/schemas/<name>` reference names. */
export function componentOf(ref: string): string {
  const match = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
  if (!match) throw new Error(`not a component reference: ${ref}`);
  return match[1]!;
}

/** Checks JSON answers against the schema the document gives for a route and status. */
export function answerValidator(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  const compiled = new Map<string, ValidateFunction>();
  const validator = (name: string) => {
    let validate = compiled.get(name);
    if (!validate) {
      const schema = doc.components.schemas[name];
      if (!schema) throw new Error(`no component "${name}"`);
      validate = ajv.compile(schema);
      compiled.set(name, validate);
    }
    return validate;
  };
  return {
    /** Compiles every component schema (Ajv's strict mode refuses unknown keywords). */
    compileAll: () => Object.keys(doc.components.schemas).forEach(validator),
    /** The problems of a JSON body against the documented answer ([] when it conforms). */
    check(method: string, route: string, status: number, body: unknown): string[] {
      const response = operation(doc, method, route).responses[String(status)];
      if (!response) return [`status ${status} is not documented for ${method.toUpperCase()} ${route}`];
      const ref = response.content?.["application/json"]?.schema.$ref;
      if (!ref) return body === undefined ? [] : [`status ${status} of ${route} is documented without a body`];
      const validate = validator(componentOf(ref));
      return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
    },
  };
}

export interface RouteFile {
  file: string;
  /** The path as OpenAPI writes it: app/api/papers/[slug]/route.ts → /api/papers/{slug}. */
  path: string;
  /** The HTTP methods the file exports a handler for, lower case. */
  methods: string[];
}

/** The route handlers under app/api, found on disk (so that a new one cannot be missed). */
export function apiRouteFiles(root = path.resolve("app/api")): RouteFile[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .sort()
    .map((file) => {
      const segments = path
        .dirname(file)
        .split(path.sep)
        .filter((s) => s !== "." && !/^\(.*\)$/.test(s))
        .map((s) => {
          if (s.startsWith("[...") || s.startsWith("[[")) throw new Error(`${file}: catch-all routes are not described yet`);
          return s.replace(/^\[(.+)\]$/, "{$1}");
        });
      const source = readFileSync(path.join(root, file), "utf8");
      const methods = [
        ...source.matchAll(/export\s+(?:async\s+function|function|const)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g),
      ]
        .map((m) => m[1]!.toLowerCase())
        .sort();
      return { file: path.join("app/api", file), path: ["/api", ...segments].join("/"), methods };
    });
}
