// Shared by the command-line scripts: .env loading, consistent messages and exit codes.
import { existsSync } from "node:fs";

// Next.js reads .env for the app; the scripts read the same file (without overriding
// variables already set in the shell).
if (existsSync(".env")) process.loadEnvFile(".env");

export function fail(message: string, code = 1): never {
  process.stderr.write(`\n✖ ${message}\n`);
  process.exit(code);
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Runs a script's main function, turning any error into a message and exit code 1. */
export function run(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: Error) => fail(error.message),
  );
}
