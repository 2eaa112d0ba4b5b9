// A second writer, as its own process: waits until the writer lock of the database given as
// the first argument is stale (second argument: the stale interval in ms), takes it over,
// prints the holder it took it as, and exits without releasing it.
import { createDb } from "@/lib/db";
import { acquireWriterLock } from "@/lib/ingest/writer-lock";

const [url, staleMs] = process.argv.slice(2);
const lock = await acquireWriterLock(createDb(url), "usurper", { staleMs: Number(staleMs), timeoutMs: 60_000 });
process.stdout.write(lock.holder);
process.exit(0);
