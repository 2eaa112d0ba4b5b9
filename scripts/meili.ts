// npm run meili: runs only the local Meilisearch (data folder, port and key as `npm start`
// uses them) until Ctrl-C, for running ingest or reindex without the web app.
import { dataDir, env, searchConnection } from "@/lib/env";
import { startLocalServer } from "@/lib/meilisearch/local-server";
import { fail, run } from "./lib/cli";

run(async () => {
  const config = env();
  if (!searchConnection(config).local) fail("MEILI_URL is set: Paperdex uses that server and starts none of its own.", 2);
  const server = await startLocalServer({
    dataDir: dataDir(config),
    port: config.MEILI_PORT,
    masterKey: config.MEILI_MASTER_KEY,
    binary: config.MEILI_BINARY,
  });
  console.log(`Meilisearch is running on ${server.url} (data in ${dataDir(config)}). Ctrl-C stops it.`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await server.stop();
});
