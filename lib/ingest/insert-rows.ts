import { Prisma } from "@/prisma/generated/client/client";
import type { Db } from "../db";

type Queryable = Pick<Db, "$executeRaw">;

// SQLite through Prisma's adapter takes at most 999 bound parameters per statement.
const MAX_PARAMETERS = 999;

/**
 * Inserts rows with multi-row INSERT statements, every value a bound parameter. Prisma's
 * createMany maps each row through its query compiler, which made it the ingest's largest
 * cost (about 0.24 ms per paper; this takes a quarter of that). Plain SQL that SQLite and
 * PostgreSQL both accept; table and column names come from this code, never from input.
 */
export async function insertRows(
  db: Queryable,
  table: "Paper" | "PaperTopic" | "Appearance",
  rows: Record<string, string | number | Date | null>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `);
  const perStatement = Math.floor(MAX_PARAMETERS / columns.length);
  for (let i = 0; i < rows.length; i += perStatement) {
    const values = rows.slice(i, i + perStatement).map((row) => Prisma.sql`(${Prisma.join(columns.map((c) => row[c] ?? null))})`);
    await db.$executeRaw`${head}${Prisma.join(values)}`;
  }
}
