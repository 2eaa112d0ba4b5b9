// npm run reindex: rebuilds the search index from the database alone (atomic swap).
import { db } from "@/lib/db";
import { indexName, searchClient } from "@/lib/search/client";
import { reindexFromDatabase } from "@/lib/search/sync";
import { formatMs, run } from "./lib-cli";

run(async () => {
  const started = performance.now();
  const uid = indexName();
  console.log(`Rebuilding the search index "${uid}" from the database…`);
  const { documents } = await reindexFromDatabase(db(), searchClient(), uid, (sent, total) =>
    console.log(`  ${sent}/${total} papers indexed`),
  );
  console.log(`Done: ${documents} papers in "${uid}", swapped in atomically, in ${formatMs(performance.now() - started)}.`);
});
