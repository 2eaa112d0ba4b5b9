// npm run reindex: rebuilds the search index from the database alone (atomic swap).
import { db } from "@/lib/db";
import { databaseUrl } from "@/lib/env";
import { deployMigrations } from "@/lib/migrations/migrate";
import { indexName, adminClient } from "@/lib/meilisearch/client";
import { reindexFromDatabase } from "@/lib/indexing/sync";
import { withWriterLock } from "@/lib/ingest/writer-lock";
import { formatMs, run } from "./lib/cli";

run(async () => {
  const started = performance.now();
  const uid = indexName();
  await deployMigrations(databaseUrl());
  console.log(`Rebuilding the search index "${uid}" from the database…`);
  // An ingest running meanwhile would change papers under the rebuild: wait for it.
  const { documents } = await withWriterLock(
    db(),
    "reindex",
    (lock) =>
      reindexFromDatabase(db(), adminClient(), uid, (sent, total) => console.log(`  ${sent}/${total} papers indexed`), lock),
    { onWait: (holder) => console.log(`  Waiting: another writer holds the database (${holder})…`) },
  );
  console.log(`Done: ${documents} papers in "${uid}", swapped in atomically, in ${formatMs(performance.now() - started)}.`);
});
