import { describe, expect, inject, it } from "vitest";
import { createSearchClient } from "@/lib/meilisearch/client";
import { isSearchUnreachable, meiliErrorCode } from "@/lib/meilisearch/errors";

const connection = (apiKey: string, host = inject("meiliUrl")) => ({ host, apiKey, local: false });

describe("the Meilisearch transport against the real server", () => {
  it("answers requests", async () => {
    const client = createSearchClient(connection(inject("meiliKey")));
    expect(await client.health()).toEqual({ status: "available" });
  });

  it("surfaces Meilisearch's own error code for a wrong key", async () => {
    const client = createSearchClient(connection("not-the-key"));
    const error = await client.getIndexes().catch((e: unknown) => e);
    expect(meiliErrorCode(error)).toBe("invalid_api_key");
    expect(isSearchUnreachable(error)).toBe(false);
  });

  it("reports a server that is not there as unreachable", async () => {
    const client = createSearchClient(connection("x", "http://127.0.0.1:9"), 1_000);
    const error = await client.health().catch((e: unknown) => e);
    expect(isSearchUnreachable(error)).toBe(true);
  });

  it("takes a proxy's 502/503/504 in front of a gone Meilisearch for an outage, not for a refusal", async () => {
    const { createServer } = await import("node:http");
    for (const status of [502, 503, 504]) {
      const proxy = createServer((_request, response) =>
        response.writeHead(status, { "content-type": "text/html" }).end("<h1>gone</h1>"),
      );
      await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
      const port = (proxy.address() as { port: number }).port;
      const error = await createSearchClient(connection("x", `http://127.0.0.1:${port}`))
        .health()
        .catch((e: unknown) => e);
      expect(isSearchUnreachable(error), String(status)).toBe(true);
      proxy.close();
    }
    // Meilisearch's own errors (with its error body) are answers, not an outage.
    const refused = await createSearchClient(connection("not-the-key"))
      .getIndexes()
      .catch((e: unknown) => e);
    expect(isSearchUnreachable(refused)).toBe(false);
  });

  it("times out instead of hanging", async () => {
    const { createServer } = await import("node:net");
    const silent = createServer(() => {}); // accepts connections, never answers
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as { port: number }).port;
    const client = createSearchClient(connection("x", `http://127.0.0.1:${port}`), 300);
    const started = Date.now();
    const error = await client.health().catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(isSearchUnreachable(error)).toBe(true);
    expect(((error as Error).cause as Error).name).toBe("MeilisearchRequestTimeOutError");
    silent.close();
  });
});
