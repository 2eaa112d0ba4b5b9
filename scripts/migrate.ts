// npm run migrate [-- create <name>]: applies prisma/migrations, or writes a new one from the
// schema, through Prisma's WebAssembly schema engine (no native engine needed).
import { databaseUrl, isPostgresUrl } from "@/lib/env";
import { createMigration, deployMigrations } from "@/lib/migrations/migrate";
import { fail, run } from "./lib/cli";

run(async () => {
  const [command = "deploy", name] = process.argv.slice(2);
  if (command === "deploy") {
    const applied = await deployMigrations(databaseUrl());
    console.log(
      applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database schema is up to date.",
    );
    return;
  }
  if (command === "create") {
    if (!name) fail("usage: npm run migrate -- create <name>", 2);
    // The PostgreSQL migration needs a server to diff against: SHADOW_DATABASE_URL, else DATABASE_URL.
    const shadow = [process.env.SHADOW_DATABASE_URL, process.env.DATABASE_URL].find((u) => u && isPostgresUrl(u));
    const created = await createMigration(name, shadow);
    console.log(
      created.sqlite
        ? `Wrote prisma/migrations/${created.sqlite}/migration.sql`
        : "SQLite: the schema has no changes, no migration written.",
    );
    if (created.postgresql === undefined) {
      console.warn(
        "PostgreSQL migration NOT written: set SHADOW_DATABASE_URL to a PostgreSQL server where a scratch database may be created\n" +
          "(postgresql://user@127.0.0.1:5432/postgres) and run this again, or the PostgreSQL schema will lag behind.",
      );
      return 1;
    }
    console.log(
      created.postgresql
        ? `Wrote prisma/postgres/migrations/${created.postgresql}/migration.sql`
        : "PostgreSQL: the schema has no changes, no migration written.",
    );
    return;
  }
  fail(`unknown command "${command}"; use deploy (default) or create <name>`, 2);
});
