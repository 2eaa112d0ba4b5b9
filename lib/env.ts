import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

// One validated view of the environment, shared by next.config.ts, the app and the scripts,
// so that a wrong setting stops everything at start with a message instead of a 500 later.

/** A PostgreSQL connection URL (anything else is SQLite's `file:`). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

const envSchema = z.object({
  PAPERDEX_DATA_DIR: z.string().min(1).default("data"),
  DATABASE_URL: z
    .string()
    .refine((url) => url.startsWith("file:") || isPostgresUrl(url), {
      message:
        'must be a SQLite "file:" URL (file:./data/paperdex.db) or a PostgreSQL URL (postgresql://user:password@host:5432/paperdex)',
    })
    .optional(),
  MEILI_URL: z.url({ message: "must be a URL such as http://127.0.0.1:7700" }).optional(),
  MEILI_API_KEY: z.string().min(1).optional(),
  /**
   * With MEILI_URL: the key the commands that change the index use (ingest, reindex, check,
   * the start script's ingest): an admin-class key. The web app never needs it.
   */
  MEILI_ADMIN_KEY: z.string().min(1).optional(),
  /** A key that may add documents, for editors' corrections when MEILI_API_KEY may only search. */
  MEILI_WRITE_KEY: z.string().min(1).optional(),
  MEILI_MASTER_KEY: z.string().min(16, { message: "must be at least 16 bytes (Meilisearch's rule)" }).optional(),
  MEILI_BINARY: z.string().min(1).optional(),
  MEILI_PORT: z.coerce.number().int().min(1).max(65535).default(7700),
  MEILI_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, { message: "may contain only letters, digits, _ and -" })
    .default("papers"),
  MEILI_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(3_000),
  // The relaxed second stage of a long query (lib/search/search.ts) gets this long; past it the
  // plain search's answer is served (a busy Meilisearch slows every query, but not by falling back).
  RELAXED_SEARCH_BUDGET_MS: z.coerce.number().int().min(0).max(120_000).default(1_500),
  /** Lets editors correct topics; without it, editing is off. */
  ADMIN_TOKEN: z.string().min(16, { message: "must be at least 16 characters" }).optional(),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings (as left by `VAR=` in a .env file) mean "unset".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid environment (see .env.example):\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

export function dataDir(e: Env = env()): string {
  return path.resolve(e.PAPERDEX_DATA_DIR);
}

/**
 * The database URL: PostgreSQL as given, or the SQLite file (by default in the data folder)
 * with a relative path made absolute so every process opens the same file.
 */
export function databaseUrl(e: Env = env()): string {
  const url = e.DATABASE_URL ?? `file:${path.join(dataDir(e), "paperdex.db")}`;
  if (!url.startsWith("file:")) return url;
  const file = url.slice("file:".length);
  return `file:${path.resolve(file)}`;
}

export function masterKeyFile(e: Env = env()): string {
  return path.join(dataDir(e), "meili-master.key");
}

export interface SearchConnection {
  host: string;
  apiKey: string | undefined;
  /** True when Paperdex runs its own Meilisearch process (no MEILI_URL given). */
  local: boolean;
}

/**
 * Where Meilisearch is: MEILI_URL with MEILI_API_KEY (searching), MEILI_WRITE_KEY (editors'
 * corrections) or MEILI_ADMIN_KEY (commands that change the index); or else the local process
 * that `npm start` runs, whose master key it keeps in the data folder.
 */
export function searchConnection(e: Env = env(), purpose: "search" | "write" | "admin" = "search"): SearchConnection {
  if (e.MEILI_URL && purpose === "admin")
    return { host: e.MEILI_URL, apiKey: e.MEILI_ADMIN_KEY ?? e.MEILI_API_KEY, local: false };
  if (e.MEILI_URL && purpose === "write")
    return { host: e.MEILI_URL, apiKey: e.MEILI_WRITE_KEY ?? e.MEILI_API_KEY, local: false };
  if (e.MEILI_URL) return { host: e.MEILI_URL, apiKey: e.MEILI_API_KEY, local: false };
  const keyFile = masterKeyFile(e);
  const apiKey = e.MEILI_MASTER_KEY ?? (existsSync(keyFile) ? readFileSync(keyFile, "utf8").trim() : undefined);
  return { host: `http://127.0.0.1:${e.MEILI_PORT}`, apiKey, local: true };
}
