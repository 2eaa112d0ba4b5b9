// Ids for what a visitor keeps in the browser (reading lists, saved searches).

/** Short and random; available outside secure contexts, unlike crypto.randomUUID. */
export function randomId(): string {
  const bytes = new Uint8Array(9);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(36).padStart(2, "0")).join("");
}
