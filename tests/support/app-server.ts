import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { waitUntil } from "@/lib/wait-until";
import { buildIsStale, NEXT_BIN } from "../../scripts/lib/build";
import { freePort } from "../../scripts/lib/free-port";

// The real app in tests: the production build served by `next start`, as users run it. Tests
// that need it call ensureAppBuild() first (test files run in parallel workers: one builds,
// the others wait for it), then start servers with their own environment.

const BUILD_LOCK = path.resolve("tmp/next-build.lock");

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Takes the build lock (a file holding the owner's pid; a dead owner's lock is taken over). */
function tryLock(): true | undefined {
  try {
    const fd = openSync(BUILD_LOCK, "wx");
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const owner = Number(readFileSync(BUILD_LOCK, "utf8") || "0");
    if (owner && !alive(owner)) rmSync(BUILD_LOCK, { force: true });
    return undefined;
  }
}

/** Runs `next build` when .next is missing or older than the sources, one build at a time. */
export async function ensureAppBuild(): Promise<void> {
  mkdirSync(path.dirname(BUILD_LOCK), { recursive: true });
  await waitUntil(tryLock, { timeoutMs: 900_000, intervalMs: 500, what: "another test file's next build" });
  try {
    if (!buildIsStale()) return;
    // A build sees no test keys or tokens, so none can end up in its output.
    const buildEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
    for (const key of Object.keys(buildEnv)) {
      if (/^(MEILI_|ADMIN_TOKEN$|DATABASE_URL$)/.test(key)) buildEnv[key] = undefined;
    }
    const child = spawn(process.execPath, [NEXT_BIN, "build"], {
      env: buildEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    if (code !== 0) throw new Error(`next build failed:\n${output}`);
  } finally {
    rmSync(BUILD_LOCK, { force: true });
  }
}

export interface AppProcess {
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves with its exit code once it exits. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Spawns `next start` on a port with this environment (on top of the test process's own). */
export function spawnApp(port: number, env: Record<string, string | undefined>): AppProcess {
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port)], {
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

export interface AppServer extends AppProcess {
  base: string;
}

/**
 * Starts `next start` on a free port and waits until it answers /api/health with any status
 * (503 is an answer: the search engine may be down on purpose).
 */
export async function startApp(env: Record<string, string | undefined>): Promise<AppServer> {
  const port = await freePort();
  const app = spawnApp(port, env);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUntil(
      async () => {
        if (app.child.exitCode !== null) throw new Error(`the app exited with code ${app.child.exitCode}:\n${app.output()}`);
        return fetch(`${base}/api/health`).then(
          () => true,
          () => undefined,
        );
      },
      { timeoutMs: 120_000, intervalMs: 250, what: `the app on ${base}` },
    );
  } catch (error) {
    await app.stop();
    throw error;
  }
  return { ...app, base };
}
