import { pageParamsSchema } from "./params";
import { defineRoute, type ApiResponseSpec } from "./route-spec";
import {
  apiErrorSchema,
  correctionBadRequestSchema,
  correctionErrorSchema,
  correctionResponseSchema,
  healthResponseSchema,
  invalidParameterSchema,
  openApiDocumentSchema,
  paperPathSchema,
  paperResponseSchema,
  papersResponseSchema,
  searchResponseSchema,
  similarResponseSchema,
  topicsResponseSchema,
} from "./schemas";
import { searchParamsSchema } from "../search/params";
import { similarParamsSchema } from "../search/similar-params";
import { correctionInputSchema } from "../topics/correction-input";

// The registry of /api/* routes: every export of this module is one route's description, and
// the OpenAPI document (lib/api/openapi.ts) is built from all of them. A new route describes
// itself with defineRoute next to its schemas and adds one line here, such as
//   export { trendsRoute } from "../trends/api";
// tests/api/openapi.test.ts fails for a route file under app/api that has no description.

const invalidParameter: ApiResponseSpec = {
  description: "A parameter was refused; `param` names it.",
  schema: invalidParameterSchema,
};
const internalError: ApiResponseSpec = {
  description: "Something failed on the server; the details go to its log.",
  schema: apiErrorSchema,
};

export const healthRoute = defineRoute({
  method: "get",
  path: "/api/health",
  operationId: "getHealth",
  summary: "Database and search status",
  description: "Anyone may read it (load balancers, monitors), so a component that is down is named in general words.",
  tags: ["operations"],
  responses: {
    200: { description: "Both the database and Meilisearch answer.", schema: healthResponseSchema },
    503: {
      description: "The database or Meilisearch is down (`reason` says which, in general words).",
      schema: healthResponseSchema,
    },
  },
});

export const papersRoute = defineRoute({
  method: "get",
  path: "/api/papers",
  operationId: "listPapers",
  summary: "Every paper, newest digest first, paginated",
  tags: ["papers"],
  query: pageParamsSchema,
  responses: {
    200: { description: "One page of papers.", schema: papersResponseSchema },
    400: invalidParameter,
    500: internalError,
  },
});

export const paperRoute = defineRoute({
  method: "get",
  path: "/api/papers/{slug}",
  operationId: "getPaper",
  summary: "One paper with its topics (and why), digests and related papers",
  tags: ["papers"],
  pathParams: paperPathSchema,
  responses: {
    200: { description: "The paper.", schema: paperResponseSchema },
    404: { description: "No paper has this slug.", schema: apiErrorSchema },
    500: internalError,
  },
});

export const paperTopicsRoute = defineRoute({
  method: "post",
  path: "/api/papers/{slug}/topics",
  operationId: "correctPaperTopics",
  summary: "An editor adds, removes or restores a paper's topic",
  description:
    "Needs `ADMIN_TOKEN` on the server, and the token as a Bearer header or the /admin session cookie. An HTML form post (application/x-www-form-urlencoded) is answered with a redirect back to the paper instead of JSON.",
  tags: ["papers"],
  pathParams: paperPathSchema,
  body: {
    schema: correctionInputSchema,
    mediaTypes: ["application/json", "application/x-www-form-urlencoded"],
    description: "The correction.",
  },
  security: ["adminToken", "adminSession"],
  responses: {
    200: { description: "The correction was saved.", schema: correctionResponseSchema },
    303: {
      description: "A form post: back to the paper page, with the outcome in its query string.",
      headers: { Location: { description: "/papers/{slug}?edited=<code> or ?error=<code>, #topics" } },
    },
    400: { description: "The body is not a valid correction, or the topic does not exist.", schema: correctionBadRequestSchema },
    401: { description: "No token or session, or a wrong or ended one.", schema: correctionErrorSchema },
    403: { description: "Topic editing is off: the server has no ADMIN_TOKEN.", schema: correctionErrorSchema },
    404: { description: "No paper has this slug.", schema: correctionErrorSchema },
    409: {
      description: "The change cannot be made (a fifth topic, the last topic, nothing to undo).",
      schema: correctionErrorSchema,
    },
    500: internalError,
  },
});

export const searchRoute = defineRoute({
  method: "get",
  path: "/api/search",
  operationId: "search",
  summary: "Faceted full-text search, with the parameters of the /search page",
  description:
    "Different parameters are ANDed. While Meilisearch cannot be reached, the database answers (`engine` says which did).",
  tags: ["search"],
  query: searchParamsSchema,
  responses: {
    200: { description: "One page of results, with facet counts.", schema: searchResponseSchema },
    400: invalidParameter,
    500: internalError,
  },
});

export const similarRoute = defineRoute({
  method: "get",
  path: "/api/similar",
  operationId: "similarPapers",
  summary: "The papers nearest to up to five papers and/or a text",
  tags: ["search"],
  query: similarParamsSchema,
  responses: {
    200: { description: "The nearest papers, best first.", schema: similarResponseSchema },
    400: invalidParameter,
    500: internalError,
    503: { description: "Meilisearch cannot be reached.", schema: apiErrorSchema },
  },
});

export const topicsRoute = defineRoute({
  method: "get",
  path: "/api/topics",
  operationId: "listTopics",
  summary: "The topic taxonomy with paper counts, in taxonomy order",
  tags: ["topics"],
  responses: { 200: { description: "Every topic.", schema: topicsResponseSchema }, 500: internalError },
});

export { trendsRoute } from "../trends/api";

export const openApiRoute = defineRoute({
  method: "get",
  path: "/api/openapi.json",
  operationId: "getOpenApiDocument",
  summary: "This document",
  tags: ["operations"],
  responses: { 200: { description: "The OpenAPI 3.1 document of every /api route.", schema: openApiDocumentSchema } },
});
