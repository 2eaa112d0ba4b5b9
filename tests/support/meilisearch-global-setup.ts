import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startLocalServer } from "../../lib/meilisearch/local-server";
import { freePort } from "../../scripts/lib/free-port";

// One real Meilisearch 1.21 process for the whole test run, on a free port with a temporary
// database; integration tests each create their own index in it.

declare module "vitest" {
  export interface ProvidedContext {
    meiliUrl: string;
    meiliKey: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "paperdex-meili-"));
  const server = await startLocalServer({
    dataDir: dir,
    port: await freePort(),
    masterKey: "test-master-key-0123456789",
    binary: process.env.MEILI_BINARY,
  });
  project.provide("meiliUrl", server.url);
  project.provide("meiliKey", server.masterKey);
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
