import "server-only";
import { db } from "./db";
import { indexName, searchClient } from "./meilisearch/client";
import { describeSearchError, isSearchUnreachable } from "./meilisearch/errors";

// Anyone may read /api/health (load balancers, monitors), so it says which component is down
// in general words; what the driver said (hosts, ports, paths, SQL) goes to the server log.

export interface Health {
  status: "ok" | "degraded";
  /** This app process's resident memory, for operators and the load test. */
  app: { rssMb: number };
  database: { status: "up" | "down"; papers?: number; reason?: string };
  search: { status: "up" | "down"; engine: "meilisearch"; documents?: number; reason?: string };
}

/** What was last logged per component, so a monitor polling through an outage logs it once. */
const lastLogged = { database: "up", search: "up" };

function logChange(component: keyof typeof lastLogged, status: "up" | "down", detail?: unknown) {
  if (lastLogged[component] === status) return;
  lastLogged[component] = status;
  if (status === "down") console.error(`[health] ${component} down:`, detail);
  else console.log(`[health] ${component} up again`);
}

export async function checkHealth(): Promise<Health> {
  const [database, search] = await Promise.all([
    db()
      .paper.count()
      .then((papers) => {
        logChange("database", "up");
        return { status: "up" as const, papers };
      })
      .catch((error: unknown) => {
        logChange("database", "down", error);
        return { status: "down" as const, reason: "the database did not answer" };
      }),
    // A search (not index stats): the web app's key may only search.
    searchClient()
      .index(indexName())
      .search("", { page: 1, hitsPerPage: 0 })
      .then((result) => {
        logChange("search", "up");
        return { status: "up" as const, engine: "meilisearch" as const, documents: result.totalHits ?? 0 };
      })
      .catch((error: unknown) => {
        logChange("search", "down", describeSearchError(error));
        return {
          status: "down" as const,
          engine: "meilisearch" as const,
          reason: isSearchUnreachable(error) ? "Meilisearch is not answering" : "Meilisearch refused the request",
        };
      }),
  ]);
  return {
    status: database.status === "up" && search.status === "up" ? "ok" : "degraded",
    app: { rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024) },
    database,
    search,
  };
}
