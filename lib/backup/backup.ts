import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Meilisearch } from "meilisearch";
import { z } from "zod";
import { waitFor } from "../indexing/tasks";

// A backup is a folder: a consistent copy of the SQLite database (SQLite's online backup),
// a Meilisearch dump (indexes, settings, documents, keys), and a manifest.

export const manifestSchema = z.object({
  format: z.literal(1),
  createdAt: z.string(),
  database: z.string(),
  dump: z.string(),
  papers: z.number().int(),
  index: z.string(),
});

export type Manifest = z.infer<typeof manifestSchema>;

export interface BackupOptions {
  databaseFile: string;
  search: Meilisearch;
  /** Where the Meilisearch server writes dumps (its --dump-dir); must be readable from here. */
  dumpDir: string;
  indexUid: string;
  out: string;
}

export async function backup(options: BackupOptions): Promise<Manifest> {
  if (existsSync(options.out) && readdirSync(options.out).length > 0) {
    throw new Error(`${options.out} is not empty: choose a new folder for the backup`);
  }
  mkdirSync(options.out, { recursive: true });

  const database = new Database(options.databaseFile, { readonly: true, fileMustExist: true });
  let papers: number;
  try {
    await database.backup(path.join(options.out, "paperdex.db"));
    papers = (database.prepare('SELECT COUNT(*) AS n FROM "Paper"').get() as { n: number }).n;
  } finally {
    database.close();
  }

  const task = await waitFor(options.search, options.search.createDump(), "create a dump");
  const dumpUid = (task.details as { dumpUid?: string } | undefined)?.dumpUid;
  const dumpFile = dumpUid ? path.join(options.dumpDir, `${dumpUid}.dump`) : "";
  if (!dumpUid || !existsSync(dumpFile)) {
    throw new Error(
      `Meilisearch made a dump, but it is not in ${options.dumpDir}: a remote server keeps its dumps on its own disk`,
    );
  }
  copyFileSync(dumpFile, path.join(options.out, "meilisearch.dump"));

  const manifest: Manifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    database: "paperdex.db",
    dump: "meilisearch.dump",
    papers,
    index: options.indexUid,
  };
  writeFileSync(path.join(options.out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export function readManifest(folder: string): Manifest {
  const file = path.join(folder, "manifest.json");
  if (!existsSync(file)) throw new Error(`${folder} is not a Paperdex backup (no manifest.json)`);
  const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file} is not a valid backup manifest: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
