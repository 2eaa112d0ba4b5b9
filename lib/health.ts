import "server-only";
import { db } from "./db";
import { indexName, searchClient } from "./meilisearch/client";

export interface Health {
  status: "ok" | "degraded";
  /** This app process's resident memory, for operators and the load test. */
  app: { rssMb: number };
  database: { status: "up" | "down"; papers?: number; error?: string };
  search: { status: "up" | "down"; documents?: number; error?: string };
}

export async function checkHealth(): Promise<Health> {
  const [database, search] = await Promise.all([
    db()
      .paper.count()
      .then((papers) => ({ status: "up" as const, papers }))
      .catch((error: Error) => ({ status: "down" as const, error: firstLine(error.message) })),
    // A search (not index stats): the web app's key may only search.
    searchClient()
      .index(indexName())
      .search("", { page: 1, hitsPerPage: 0 })
      .then((result) => ({ status: "up" as const, documents: result.totalHits ?? 0 }))
      .catch((error: Error) => ({ status: "down" as const, error: firstLine(error.message) })),
  ]);
  return {
    status: database.status === "up" && search.status === "up" ? "ok" : "degraded",
    app: { rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024) },
    database,
    search,
  };
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.slice(0, 200);
}
