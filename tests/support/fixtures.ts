import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const SEEDS_DIR = path.resolve("seeds");

export const SEED_FILES = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => path.join(SEEDS_DIR, f));

export function readSeed(name: string): string {
  return readFileSync(path.join(SEEDS_DIR, name), "utf8");
}
