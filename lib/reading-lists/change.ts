import type { Library } from "./document";
import type { LibraryStore } from "./store";

// One path for every edit the controls make, so that what they announce is what happened: an
// edit the limits refuse (a full list, too many lists) is said to be refused, never "Saved".

/**
 * Applies an edit to the latest stored library. `refusal`, asked of that same library, says why
 * the edit would change nothing (null when it would go ahead). The message is the store's
 * error, else the refusal, else `message`.
 */
export function applyChange(
  store: LibraryStore,
  edit: (library: Library) => Library,
  message: string,
  refusal?: (library: Library) => string | null,
): { ok: boolean; message: string } {
  let refused = null as string | null;
  const error = store.update((library) => {
    refused = refusal?.(library) ?? null;
    return refused ? library : edit(library);
  });
  const problem = error ?? refused;
  return { ok: !problem, message: problem ?? message };
}
