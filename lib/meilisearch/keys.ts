import { createHash } from "node:crypto";
import type { Meilisearch } from "meilisearch";
import { meiliErrorCode } from "./errors";

// The web app never holds the master key. From it, the start script derives two keys scoped
// to the papers index: one that can only search, and one that can only add documents (for
// editors' topic corrections). Their ids come from the master key, so every start finds the
// same keys instead of piling up new ones.

export interface ScopedKeys {
  searchKey: string;
  writeKey: string;
}

/** A stable UUID (version 4 layout, as Meilisearch requires) from a seed. */
function stableUuid(seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

async function ensureKey(
  admin: Meilisearch,
  masterKey: string,
  name: string,
  actions: string[],
  indexes: string[],
): Promise<string> {
  const uid = stableUuid(`paperdex:${name}:${indexes.join(",")}:${masterKey}`);
  try {
    return (await admin.getKey(uid)).key;
  } catch (error) {
    if (meiliErrorCode(error) !== "api_key_not_found") throw error;
  }
  const created = await admin.createKey({
    uid,
    name: `paperdex-${name}`,
    description: `Paperdex web app: ${actions.join(", ")} on ${indexes.join(", ")}`,
    actions: actions,
    indexes,
    expiresAt: null,
  });
  return created.key;
}

export async function ensureScopedKeys(admin: Meilisearch, masterKey: string, indexUid: string): Promise<ScopedKeys> {
  return {
    searchKey: await ensureKey(admin, masterKey, "search", ["search"], [indexUid]),
    writeKey: await ensureKey(admin, masterKey, "write", ["documents.add", "tasks.get"], [indexUid]),
  };
}
