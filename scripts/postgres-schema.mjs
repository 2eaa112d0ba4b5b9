// Writes prisma/postgres/schema.prisma from prisma/schema.prisma: the same data model for
// PostgreSQL. Prisma wants one provider per schema file; this keeps the second one derived,
// never edited by hand. `--check` exits 1 when the committed copy has drifted (CI runs it).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";

const SOURCE = "prisma/schema.prisma";
const TARGET = "prisma/postgres/schema.prisma";
const HEADER = `// GENERATED from ${SOURCE} by scripts/postgres-schema.mjs (npm run generate). Do not edit.\n\n`;

export function postgresSchema(source) {
  const replace = (text, pattern, replacement) => {
    if (!pattern.test(text)) throw new Error(`${SOURCE} no longer matches ${pattern}; update scripts/postgres-schema.mjs`);
    return text.replace(pattern, replacement);
  };
  let schema = replace(source, /provider = "sqlite"/, 'provider = "postgresql"');
  schema = replace(schema, /output(\s*)= "\.\/generated\/client"/, 'output$1= "../generated/postgres"');
  return HEADER + schema;
}

const expected = postgresSchema(readFileSync(SOURCE, "utf8"));
if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(TARGET, "utf8");
  } catch {}
  if (current !== expected) {
    console.error(`${TARGET} is out of date with ${SOURCE}: run \`npm run generate\` and commit it.`);
    process.exit(1);
  }
  console.log(`${TARGET} matches ${SOURCE}.`);
} else {
  mkdirSync("prisma/postgres", { recursive: true });
  writeFileSync(TARGET, expected);
}
