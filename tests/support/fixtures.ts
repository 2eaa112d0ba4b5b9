import { readdirSync } from "node:fs";
import path from "node:path";

export const SEEDS_DIR = path.resolve("seeds");

export const SEED_FILES = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => path.join(SEEDS_DIR, f));
