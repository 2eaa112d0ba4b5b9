import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { dropIndex } from "../../lib/indexing/tasks";
import { createSearchClient } from "../../lib/meilisearch/client";
import { E2E_ENV } from "../../playwright.config";
import { startApp, type AppServer } from "./app-server";

// Browser tests that ingest a digest during the test do it into a database and an index of their
// own, served by a second app server on the same build and Meilisearch, so that the app under
// test keeps exactly the seeds, in whatever order the specs run.

export interface SecondApp {
  /** Its data folder: the database, and any digest file a test writes. */
  readonly dir: string;
  /** Runs scripts/ingest.ts on these digest files (the seeds when none) into its database and index; returns what it printed. */
  ingest(...files: string[]): string;
  /** Writes a digest file into its data folder and ingests it; returns what the ingest printed. */
  ingestDigest(fileName: string, text: string): string;
  /** Makes a search-only key for its index and starts the app on a free port, once it answers /api/health. */
  start(): Promise<AppServer>;
  /** Stops the app, deletes its key, drops its index and removes its data folder (whichever of them exist). */
  stop(): Promise<void>;
}

/**
 * A fresh data folder, database and index named after `name` (one per spec). Call it in a
 * hook, not at the top of a file: Playwright also loads spec files where it runs no test.
 */
export function createSecondApp(name: string): SecondApp {
  const master = readFileSync(path.join(E2E_ENV.PAPERDEX_DATA_DIR, "meili-master.key"), "utf8").trim();
  const dir = mkdtempSync(path.join(os.tmpdir(), `paperdex-${name}-e2e-`));
  const meiliUrl = `http://127.0.0.1:${E2E_ENV.MEILI_PORT}`;
  const indexUid = `papers_${name}_${process.pid}`;
  const env = {
    PAPERDEX_DATA_DIR: dir,
    DATABASE_URL: `file:${path.join(dir, `${name}.db`)}`,
    MEILI_URL: meiliUrl,
    MEILI_INDEX: indexUid,
  };
  const admin = () => createSearchClient({ host: meiliUrl, apiKey: master, local: false }, 30_000);
  let key = "";
  let app: AppServer | undefined;

  const ingest = (...files: string[]) =>
    execFileSync("npx", ["tsx", "scripts/ingest.ts", ...files], {
      env: { ...process.env, ...env, MEILI_ADMIN_KEY: master },
      encoding: "utf8",
    });

  return {
    dir,
    ingest,
    ingestDigest(fileName, text) {
      const file = path.join(dir, fileName);
      writeFileSync(file, text);
      return ingest(file);
    },
    async start() {
      // Named apart from the app's own keys, and deleted by stop().
      ({ key } = await admin().createKey({
        name: `e2e-${name}-search`,
        actions: ["search"],
        indexes: [indexUid],
        expiresAt: null,
      }));
      app = await startApp({ ...env, MEILI_API_KEY: key, ADMIN_TOKEN: undefined });
      return app;
    },
    async stop() {
      await app?.stop();
      const client = admin();
      if (key) await client.deleteKey(key);
      await dropIndex(client, indexUid);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
