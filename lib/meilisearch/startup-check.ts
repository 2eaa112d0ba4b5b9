import { env } from "../env";
import { keyProblem } from "./key-check";

/** The web app's key check at server start (see instrumentation.ts). */
export async function checkWebKey(): Promise<void> {
  const config = env();
  if (!config.MEILI_URL) return; // the start script made the keys itself
  try {
    const problem = await keyProblem(config.MEILI_URL, config.MEILI_API_KEY, "search", config.MEILI_INDEX);
    if (problem) {
      console.error(`\n✖ ${problem}\n`);
      process.exit(1);
    }
  } catch (error) {
    // Unreachable is not fatal: pages answer from the database until it comes back.
    console.warn(
      `[search] Meilisearch at ${config.MEILI_URL} does not answer yet (${(error as Error).message}); searching the database meanwhile.`,
    );
  }
}
