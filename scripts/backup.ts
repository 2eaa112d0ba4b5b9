// npm run backup [-- --out DIR]: a consistent copy of the database and a Meilisearch dump.
import path from "node:path";
import { parseArgs } from "node:util";
import { backup } from "@/lib/backup/backup";
import { dataDir, databaseUrl, env, searchConnection, isPostgresUrl } from "@/lib/env";
import { indexName, adminClient } from "@/lib/meilisearch/client";
import { fail, formatMs, run } from "./lib/cli";

run(async () => {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const { values } = parseArgs({ options: { out: { type: "string", default: path.join("backups", stamp) } } });
  const started = performance.now();
  if (isPostgresUrl(databaseUrl())) {
    fail(
      "DATABASE_URL is PostgreSQL: back it up with pg_dump, and Meilisearch with a dump or snapshot (README, Deployment › Backups).",
      2,
    );
  }
  const out = path.resolve(values.out);
  if (!searchConnection(env()).local) {
    console.warn("MEILI_URL is set: the dump is made on that server, and must be written to a folder this machine can read.");
  }
  console.log(`Backing up to ${out}…`);
  const manifest = await backup({
    databaseFile: databaseUrl().slice("file:".length),
    search: adminClient(),
    dumpDir: path.join(dataDir(), "dumps"),
    indexUid: indexName(),
    out,
  });
  console.log(`Done in ${formatMs(performance.now() - started)}: ${manifest.papers} papers, database and search dump in ${out}.`);
  console.log(`Restore with: npm run restore -- ${path.relative(process.cwd(), out)}`);
});
