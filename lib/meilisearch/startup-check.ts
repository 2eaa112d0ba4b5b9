import { env } from "../env";
import { keyProblem } from "./key-check";

/** The web app's key checks at server start (see instrumentation.ts). */
export async function checkWebKey(): Promise<void> {
  const config = env();
  if (!config.MEILI_URL) return; // the start script made the keys itself
  const refuse = (problem: string) => {
    console.error(`\n✖ ${problem}\n`);
    process.exit(1);
  };
  try {
    const problem = await keyProblem(config.MEILI_URL, config.MEILI_API_KEY, "search", config.MEILI_INDEX);
    if (problem) return refuse(problem);
    if (config.ADMIN_TOKEN === undefined) return; // editing is off: nothing writes to the index
    if (config.MEILI_WRITE_KEY === undefined) {
      // MEILI_API_KEY, which only searches, stands in: corrections are saved, not indexed.
      console.warn(
        "[search] MEILI_WRITE_KEY is not set: editors' corrections are saved in the database and reach the index at the next ingest or reindex.",
      );
      return;
    }
    const writeProblem = await keyProblem(config.MEILI_URL, config.MEILI_WRITE_KEY, "write", config.MEILI_INDEX);
    if (writeProblem) refuse(writeProblem);
  } catch (error) {
    // Unreachable is not fatal: pages answer from the database until it comes back.
    console.warn(
      `[search] Meilisearch at ${config.MEILI_URL} does not answer yet (${(error as Error).message}); searching the database meanwhile.`,
    );
  }
}
