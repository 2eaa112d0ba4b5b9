// npm run migrate [-- create <name>]: applies prisma/migrations, or writes a new one from the
// schema, through Prisma's WebAssembly schema engine (no native engine needed).
import { databaseUrl } from "@/lib/env";
import { createMigration, deployMigrations } from "@/lib/migrations/migrate";
import { fail, run } from "./lib-cli";

run(async () => {
  const [command = "deploy", name] = process.argv.slice(2);
  if (command === "deploy") {
    const applied = await deployMigrations(databaseUrl());
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database schema is up to date.");
    return;
  }
  if (command === "create") {
    if (!name) fail("usage: npm run migrate -- create <name>", 2);
    const dir = await createMigration(name);
    console.log(dir ? `Wrote prisma/migrations/${dir}/migration.sql` : "The schema has no changes: no migration written.");
    return;
  }
  fail(`unknown command "${command}"; use deploy (default) or create <name>`, 2);
});
