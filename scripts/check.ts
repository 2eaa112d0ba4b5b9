// npm run check: compares the search index with the database (the source of truth) and
// reports drift; `npm run reindex` repairs it.
import { db } from "@/lib/db";
import { indexName, adminClient } from "@/lib/meilisearch/client";
import { compareIndex } from "@/lib/indexing/sync";
import { run } from "./lib/cli";

run(async () => {
  const uid = indexName();
  const drift = await compareIndex(db(), adminClient(), uid);
  console.log(`Database: ${drift.papers} papers. Index "${uid}": ${drift.documents} documents.`);
  const sample = (ids: string[]) => (ids.length ? `: ${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ", …" : ""}` : "");
  console.log(`  missing from the index  ${drift.missing.length}${sample(drift.missing)}`);
  console.log(`  not in the database     ${drift.extra.length}${sample(drift.extra)}`);
  console.log(`  out of date             ${drift.stale.length}${sample(drift.stale)}`);
  const drifted = drift.missing.length + drift.extra.length + drift.stale.length;
  if (drifted === 0) {
    console.log("\nThe index matches the database.");
    return 0;
  }
  console.error(`\n✖ The index has drifted from the database (${drifted} papers). Run \`npm run reindex\` to rebuild it.`);
  return 1;
});
