import { readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { GET as getOpenApi } from "@/app/api/openapi.json/route";
import { buildOpenApiDocument, componentName, requestJsonSchema, responseJsonSchema } from "@/lib/api/openapi";
import type { ApiRouteSpec } from "@/lib/api/route-spec";
import * as ROUTES from "@/lib/api/routes";
import type {
  HealthResponse,
  PaperResponse,
  PapersResponse,
  SearchResponse,
  SimilarResponse,
  TopicsResponse,
} from "@/lib/api/schemas";
import type { Health } from "@/lib/health";
import type { PaperDetail, PaperSummary, TopicWithCount } from "@/lib/papers/types";
import type { RelatedPaper } from "@/lib/search/related-rank";
import type { SearchHit } from "@/lib/search/search";
import type { SimilarPaper } from "@/lib/search/similar";
import { answerValidator, apiRouteFiles, componentOf, HTTP_METHODS, operation, operations } from "../support/openapi";

const doc = buildOpenApiDocument();
const specs: ApiRouteSpec[] = Object.values(ROUTES);
const packageVersion = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;

describe("the OpenAPI document", () => {
  it("describes every route handler under app/api, and nothing else", () => {
    const files = apiRouteFiles();
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const { file, path, methods } of files) {
      expect(methods.length, `${file} exports no handler`).toBeGreaterThan(0);
      expect(Object.keys(doc.paths[path] ?? {}).sort(), `${file}: add its description to lib/api/routes.ts`).toEqual(methods);
    }
    expect(Object.keys(doc.paths).sort()).toEqual(files.map((f) => f.path).sort());
  });

  it("is OpenAPI 3.1 with this version of Paperdex", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: "Paperdex", version: packageVersion });
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it("has well-formed operations: ids, summaries, path parameters, responses and references that resolve", () => {
    const ids = new Set<string>();
    const refs: string[] = [];
    for (const [method, route, op] of operations(doc)) {
      const where = `${method.toUpperCase()} ${route}`;
      expect(HTTP_METHODS, where).toContain(method);
      expect(route, where).toMatch(/^\/api\//);
      expect(ids.has(op.operationId), `${where}: operationId ${op.operationId} is used twice`).toBe(false);
      ids.add(op.operationId);
      expect(op.summary, where).not.toBe("");
      expect(op.tags.length, where).toBeGreaterThan(0);

      const templated = [...route.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const params = op.parameters ?? [];
      expect(
        params.filter((p) => p.in === "path").map((p) => p.name),
        where,
      ).toEqual(templated);
      for (const p of params) {
        expect(["path", "query"], where).toContain(p.in);
        expect(p.description, `${where} ${p.name}`).not.toBe("");
        expect(typeof p.schema.type, `${where} ${p.name}`).toBe("string");
        if (p.in === "path") expect(p.required).toBe(true);
      }
      expect(new Set(params.map((p) => `${p.in}:${p.name}`)).size, where).toBe(params.length);

      const statuses = Object.keys(op.responses);
      expect(
        statuses.some((s) => s.startsWith("2")),
        `${where} documents no success`,
      ).toBe(true);
      for (const [status, response] of Object.entries(op.responses)) {
        expect(status, where).toMatch(/^[1-5]\d\d$/);
        expect(response.description, `${where} ${status}`).not.toBe("");
        refs.push(...Object.values(response.content ?? {}).map((c) => c.schema.$ref));
      }
      refs.push(...Object.values(op.requestBody?.content ?? {}).map((c) => c.schema.$ref));
      for (const requirement of op.security ?? []) {
        for (const name of Object.keys(requirement))
          expect(Object.keys(doc.components.securitySchemes as object)).toContain(name);
      }
    }
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(Object.keys(doc.components.schemas), ref).toContain(componentOf(ref));
    // Every component is used by some operation.
    expect([...new Set(refs.map(componentOf))].sort()).toEqual(Object.keys(doc.components.schemas).sort());
  });

  it("holds JSON Schemas (2020-12) that a validator compiles in strict mode", () => {
    expect(() => answerValidator(doc).compileAll()).not.toThrow();
  });

  it("says which query parameters may be left out, as the handlers' schemas decide", () => {
    const required = (route: string) =>
      Object.fromEntries((operation(doc, "get", route).parameters ?? []).map((p) => [p.name, p.required]));
    expect(required("/api/search")).toEqual({
      q: false,
      topic: false,
      digest: false,
      hasCode: false,
      since: false,
      sort: false,
      page: false,
      perPage: false,
    });
    expect(required("/api/similar")).toEqual({ paper: false, text: false });
    expect(required("/api/papers/{slug}")).toEqual({ slug: true });
  });
});

describe("generated from the routes' own zod schemas", () => {
  it("each component is what z.toJSONSchema makes of the schema a route answers with or reads", () => {
    let checked = 0;
    for (const spec of specs) {
      for (const response of Object.values(spec.responses)) {
        if (!response.schema) continue;
        expect(doc.components.schemas[componentName(response.schema)]).toEqual(
          z.toJSONSchema(response.schema, { io: "output", target: "draft-2020-12" }),
        );
        checked++;
      }
      if (spec.body) {
        expect(doc.components.schemas[componentName(spec.body.schema)]).toEqual(requestJsonSchema(spec.body.schema));
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(specs.length);
  });

  it("each parameter's schema is its field's input JSON Schema", () => {
    for (const spec of specs) {
      const documented = operation(doc, spec.method, spec.path).parameters ?? [];
      for (const [location, schema] of [
        ["path", spec.pathParams],
        ["query", spec.query],
      ] as const) {
        const properties = (schema ? z.toJSONSchema(schema, { io: "input" }).properties : {}) ?? {};
        const fromDoc = documented.filter((p) => p.in === location);
        expect(fromDoc.map((p) => p.name)).toEqual(Object.keys(properties));
        for (const p of fromDoc) expect({ ...p.schema, description: p.description }).toEqual(properties[p.name]);
      }
    }
  });

  it("answers and the domain types they are made of have the same shape (checked by tsc)", () => {
    // The routes type their bodies with these; where a route passes a domain value through,
    // the value's type must be exactly the documented one, in both directions.
    expectTypeOf<Health>().toEqualTypeOf<HealthResponse>();
    expectTypeOf<TopicWithCount[]>().toEqualTypeOf<TopicsResponse>();
    expectTypeOf<PaperDetail & { related: RelatedPaper[] }>().branded.toEqualTypeOf<PaperResponse>();
    expectTypeOf<Omit<PaperSummary, "topics"> & { topics: string[] }>().branded.toEqualTypeOf<PapersResponse["papers"][number]>();
    expectTypeOf<Omit<SearchHit, "titleSegments" | "snippetSegments">>().toEqualTypeOf<SearchResponse["hits"][number]>();
    expectTypeOf<SimilarPaper>().toEqualTypeOf<SimilarResponse["hits"][number]>();
  });

  it("refuses a response schema without a title and two schemas with one name", () => {
    const untitled = { ...ROUTES.topicsRoute, responses: { 200: { description: "x", schema: z.object({ a: z.string() }) } } };
    expect(() => buildOpenApiDocument([untitled])).toThrow(/needs \.meta\(\{ title \}\)/);
    const impostor = z.object({ a: z.string() }).meta({ title: "Topics" });
    const twin = { ...ROUTES.healthRoute, responses: { 200: { description: "x", schema: impostor } } };
    expect(() => buildOpenApiDocument([ROUTES.topicsRoute, twin])).toThrow(/two different schemas are called "Topics"/);
  });

  it("refuses a query parameter without a description", () => {
    const bare = { ...ROUTES.papersRoute, query: z.object({ page: z.string() }) };
    expect(() => buildOpenApiDocument([bare])).toThrow(/parameter "page" needs a \.describe\(\)/);
  });

  it("names the response schema JSON Schemas as responseJsonSchema does", () => {
    expect(responseJsonSchema(ROUTES.searchRoute.responses[200]!.schema!)).toEqual(doc.components.schemas.SearchResult);
  });
});

describe("GET /api/openapi.json", () => {
  it("serves the document as JSON, cacheable, and it validates against its own schema", async () => {
    const response = getOpenApi();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
    const body: unknown = await response.json();
    expect(body).toEqual(doc);
    expect(answerValidator(doc).check("get", "/api/openapi.json", 200, body)).toEqual([]);
  });
});
