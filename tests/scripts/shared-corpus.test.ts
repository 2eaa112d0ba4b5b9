import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runScript } from "../support/cli";

// The evaluation and corpus scripts read the shared arXiv corpus beside the checkout. Without
// it they say what they need and where to put it, and exit 1 (they used to die on ENOENT).
// (npm run bench checks the same way before anything else; it is left out here because,
// should the check ever break, it would go on to build the app.)

const dir = mkdtempSync(path.join(os.tmpdir(), "paperdex-no-corpus-"));
const missing = path.join(dir, "no-corpus-here");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  {
    script: "corpus-digests",
    args: ["--limit", "5", "--out", path.join(dir, "digests")],
    needs: "arxiv-cs-daily-2025-2026.jsonl.gz",
  },
  { script: "build-idf", args: [], needs: "arxiv-cs-daily-2025-2026.jsonl.gz" },
  { script: "eval-topics", args: [], needs: "hf-daily-papers.jsonl" },
])("scripts/$script.ts without the shared corpus", ({ script, args, needs }) => {
  it("names the file it needs and where to put it, and exits 1", async () => {
    const run = await runScript(script, args, { PAPERDEX_CORPUS_DIR: missing });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`needs ${needs} from the shared arXiv corpus, and ${path.join(missing, needs)} does not exist`);
    expect(run.stderr).toContain("at ../shared/corpus beside");
    expect(run.stderr).toContain("or set PAPERDEX_CORPUS_DIR to the folder that holds it");
    expect(run.stderr).not.toContain("ENOENT");
  });
});
