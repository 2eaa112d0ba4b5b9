// Runs once when a Next.js server starts: with a remote Meilisearch (MEILI_URL), a key that
// cannot search, or that can do more than search, stops the server with a message instead of
// surfacing later as a failed search.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { checkWebKey } = await import("./lib/meilisearch/startup-check");
  await checkWebKey();
}
