// Runs `prisma generate` offline, for SQLite and for PostgreSQL (whose schema is derived from
// the SQLite one first). Every Prisma CLI command first looks for the native schema engine
// and tries to download it; generate never runs it, so any existing file will do.
import { spawnSync } from "node:child_process";

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const steps = [
  [process.execPath, ["scripts/postgres-schema.mjs"]],
  ["npx", ["prisma", "generate", "--schema", "prisma/schema.prisma"]],
  ["npx", ["prisma", "generate", "--schema", "prisma/postgres/schema.prisma"]],
];
for (const [command, args] of steps) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
