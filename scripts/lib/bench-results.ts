import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

export const RESULTS_FILE = "bench/results.json";

/** Sets these keys of bench/results.json and keeps the others (`bench` and `bench:web` each own theirs). */
export function mergeResults(values: Record<string, unknown>): void {
  const current = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as Record<string, unknown>) : {};
  mkdirSync("bench", { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ ...current, ...values }, null, 2)}\n`);
}
