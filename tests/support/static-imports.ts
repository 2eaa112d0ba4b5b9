import { readFileSync } from "node:fs";
import path from "node:path";

// What a module pulls in with it, read from its static imports (not `import()`, which loads
// later): for tests that keep a validator or a large package out of what a page loads first.

const ROOT = path.resolve(__dirname, "../..");

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  for (const file of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    try {
      readFileSync(file);
      return file;
    } catch {
      // try the next extension
    }
  }
  throw new Error(`cannot resolve ${specifier} from ${from}`);
}

/** Every package imported statically by a file and the local files it imports, with who imported it. */
export function staticPackages(entry: string): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [path.join(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    // A client importing a server action gets a reference to it, not its code.
    if (seen.size > 1 && /^\s*["']use server["']/.test(source)) continue;
    for (const match of source.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^"';]*?from\s+["']([^"']+)["']/gm)) {
      const specifier = match[1]!;
      const local = resolveLocal(file, specifier);
      if (local) queue.push(local);
      else if (!packages.has(specifier)) packages.set(specifier, path.relative(ROOT, file));
    }
  }
  return packages;
}
