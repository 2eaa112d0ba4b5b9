// npm run restore -- BACKUP_DIR: brings an empty data folder (PAPERDEX_DATA_DIR) back to the
// backup's state. Stop Paperdex first; then `npm start` serves the restored data.
import { restore } from "@/lib/backup/restore";
import { dataDir, databaseUrl, env, isPostgresUrl } from "@/lib/env";
import { fail, formatMs, run } from "./lib/cli";

run(async () => {
  const from = process.argv[2];
  if (!from) fail("usage: npm run restore -- <backup folder>", 2);
  if (isPostgresUrl(databaseUrl())) {
    fail(
      "DATABASE_URL is PostgreSQL: restore it with pg_restore, and Meilisearch from its dump (README, Deployment › Backups).",
      2,
    );
  }
  const config = env();
  const started = performance.now();
  console.log(`Restoring ${from} into ${dataDir(config)}…`);
  const manifest = await restore({
    from,
    dataDir: dataDir(config),
    databaseFile: databaseUrl(config).slice("file:".length),
    port: config.MEILI_PORT,
    masterKey: config.MEILI_MASTER_KEY,
    binary: config.MEILI_BINARY,
  });
  console.log(
    `Done in ${formatMs(performance.now() - started)}: ${manifest.papers} papers from the backup of ${manifest.createdAt}.`,
  );
});
