import { defineConfig } from "prisma/config";

// The CLI only needs the schema path here: migrations are applied by scripts/migrate.ts
// through Prisma's WebAssembly schema engine (see README), and the app builds its own
// driver adapter from lib/env.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
