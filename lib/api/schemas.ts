import { z } from "zod";
import { CORRECTION_MESSAGES, type CorrectionCode } from "../topics/correction-messages";
import { evidenceSchema } from "../topics/evidence";

// What the /api/* routes answer, as zod schemas: route handlers type their bodies with these
// (z.infer), and the OpenAPI document (lib/api/openapi.ts) is generated from them. Each schema a
// response uses directly has a `title`, which names it in the document's components.

const count = z.number().int().nonnegative();
const slug = z.string();

// ---- errors (lib/api/respond.ts) ----

export const apiErrorSchema = z
  .object({ error: z.string().describe("what went wrong, in general words (details stay in the server log)") })
  .meta({ title: "Error" });

export const invalidParameterSchema = z
  .object({
    error: z.string().describe('for example: invalid parameter "page": must be at least 1'),
    param: z.string().describe("the first parameter that was refused"),
  })
  .meta({ title: "InvalidParameter" });

export type ApiError = z.infer<typeof apiErrorSchema>;
export type InvalidParameter = z.infer<typeof invalidParameterSchema>;

// ---- papers, topics ----

const topicRefSchema = z.object({ slug, name: z.string() });

const digestRefSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  label: z.string().nullable(),
  publishedOn: z.string().nullable().describe("the digest's date, YYYY-MM-DD, when known"),
  position: count.describe("the paper's place in the digest"),
});

export const papersResponseSchema = z
  .object({
    total: count,
    page: count,
    perPage: count,
    totalPages: count,
    papers: z.array(
      z.object({
        slug,
        title: z.string(),
        abstract: z.string(),
        codeUrl: z.string().nullable(),
        topics: z.array(slug).describe("topic slugs"),
        digests: z.array(digestRefSchema),
        firstSeenAt: z.string().describe("when the paper first arrived (ISO 8601)"),
      }),
    ),
  })
  .meta({ title: "PapersPage" });

export const paperResponseSchema = z
  .object({
    slug,
    title: z.string(),
    abstract: z.string(),
    codeUrl: z.string().nullable(),
    digests: z.array(digestRefSchema),
    topics: z.array(
      topicRefSchema.extend({
        score: z.number(),
        evidence: z.array(evidenceSchema).describe("phrases that gave the paper this topic"),
        source: z.enum(["rule", "manual"]).describe('"manual" when an editor added the topic'),
      }),
    ),
    removedTopics: z.array(topicRefSchema).describe("topics an editor removed (undoable)"),
    firstSeenAt: z.string().describe("when the paper first arrived (ISO 8601)"),
    related: z.array(z.object({ slug, title: z.string() })),
  })
  .meta({ title: "Paper" });

export const topicsResponseSchema = z
  .array(z.object({ slug, name: z.string(), description: z.string(), count: count.describe("papers with the topic") }))
  .meta({ title: "Topics" });

export const correctionResponseSchema = z
  .object({ message: z.string(), topics: z.array(slug).describe("the paper's topics after the change") })
  .meta({ title: "CorrectionResult" });

const correctionCodes = Object.keys(CORRECTION_MESSAGES) as [CorrectionCode, ...CorrectionCode[]];

export const correctionErrorSchema = z
  .object({ error: z.string(), code: z.enum(correctionCodes) })
  .meta({ title: "CorrectionError" });

/** A topic correction's 400: a body that is not JSON or names an unknown topic, or a refused field. */
export const correctionBadRequestSchema = z
  .union([correctionErrorSchema, invalidParameterSchema])
  .meta({ title: "CorrectionBadRequest" });

export type PapersResponse = z.infer<typeof papersResponseSchema>;
export type PaperResponse = z.infer<typeof paperResponseSchema>;
export type TopicsResponse = z.infer<typeof topicsResponseSchema>;
export type CorrectionResponse = z.infer<typeof correctionResponseSchema>;
export type CorrectionError = z.infer<typeof correctionErrorSchema>;

// ---- search ----

export const searchResponseSchema = z
  .object({
    query: z.string(),
    engine: z.enum(["meilisearch", "database"]).describe('which engine answered: "database" while Meilisearch cannot be reached'),
    dropped: z.array(z.string()).describe("words some results may lack (a relaxed query), rarest first"),
    page: count,
    perPage: count,
    total: count,
    totalPages: count,
    hits: z.array(
      z.object({
        slug,
        title: z.string(),
        topics: z.array(slug),
        codeUrl: z.string().nullable(),
        digests: z.array(z.string()).describe("digest ids"),
        firstSeenAt: z.string().describe("when the paper first arrived (ISO 8601)"),
        snippet: z.string().describe("abstract excerpt around the matches, plain text"),
      }),
    ),
    facets: z
      .object({
        topic: z.record(slug, count),
        digest: z.record(z.string(), count),
        hasCode: z.object({ true: count, false: count }),
      })
      .describe("disjunctive counts: a group's counts ignore that group's own selection"),
  })
  .meta({ title: "SearchResult" });

export const similarResponseSchema = z
  .object({
    papers: z.array(slug).describe("the known papers among those asked for"),
    text: z.boolean().describe("whether a text was given"),
    hits: z.array(
      z.object({ slug, title: z.string(), score: z.number().describe("Meilisearch's ranking score, (1 + cosine) / 2") }),
    ),
  })
  .meta({ title: "SimilarPapers" });

export type SearchResponse = z.infer<typeof searchResponseSchema>;
export type SimilarResponse = z.infer<typeof similarResponseSchema>;

// ---- health ----

export const healthResponseSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    app: z.object({ rssMb: count.describe("this app process's resident memory") }),
    database: z.object({
      status: z.enum(["up", "down"]),
      papers: count.optional(),
      reason: z.string().optional(),
    }),
    search: z.object({
      status: z.enum(["up", "down"]),
      engine: z.literal("meilisearch"),
      documents: count.optional(),
      reason: z.string().optional(),
    }),
  })
  .meta({ title: "Health" });

export type HealthResponse = z.infer<typeof healthResponseSchema>;

// ---- the document itself ----

export const openApiDocumentSchema = z
  .looseObject({
    openapi: z.literal("3.1.0"),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.record(z.string(), z.unknown())),
    components: z.looseObject({ schemas: z.record(z.string(), z.unknown()) }),
  })
  .meta({ title: "OpenApiDocument" });

export type OpenApiDocument = z.infer<typeof openApiDocumentSchema>;

// ---- path parameters (the routes parse them with these too) ----

export const paperPathSchema = z.object({ slug: z.string().describe("the paper's slug, as in /papers/[slug]") });
