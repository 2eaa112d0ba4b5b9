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
