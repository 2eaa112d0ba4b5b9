import { spawn, type ChildProcess } from "node:child_process";

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a project script (scripts/<name>.ts) in its own Node process, as `npm run` would.
 * `watch` sees the output so far after each piece of stdout and may kill the process; with
 * it, the result waits until the output is closed, so it holds everything the script printed.
 */
export function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
  options: { killAfterMs?: number; watch?: (stdout: string, kill: () => void) => void } = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
      env: { ...process.env, ...env, FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    const kill = () => child.kill("SIGKILL");
    child.stdout!.on("data", (d) => {
      stdout += d;
      options.watch?.(stdout, kill);
    });
    child.stderr!.on("data", (d) => (stderr += d));
    const timer = options.killAfterMs === undefined ? undefined : setTimeout(kill, options.killAfterMs);
    // "exit" can come before the last output is read; "close" waits for it, but never comes
    // while a child the script started (an app server) still holds the output open.
    child.on(options.watch ? "close" : "exit", (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
