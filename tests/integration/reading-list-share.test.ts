import { writeFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportBib } from "@/app/list/export.bib/route";
import { GET as exportCsv } from "@/app/list/export.csv/route";
import { GET as exportJson } from "@/app/list/export.json/route";
import { ingestFiles } from "@/lib/ingest/ingest";
import { loadListPapers } from "@/lib/reading-lists/load";
import { listPaperDetails } from "@/lib/reading-lists/paper-details";
import { MAX_SHARED_PAPERS, shareHref } from "@/lib/reading-lists/share-link";
import { proxy } from "@/proxy";
import { createTestEnv } from "../support/test-env";

// A list's share link names its papers; its exports are the search exports' formats over the
// database (SQLite, or PostgreSQL under with-postgres.sh). Papers that are gone are reported as
// missing, and a link naming more than 200 papers is refused with a 400, page and exports alike.

const env = await createTestEnv("reading_list_share");
const MISSING = "a-paper-that-was-never-ingested";
let slugs: string[] = [];

beforeAll(async () => {
  const file = path.join(env.dir, "list-digest.txt");
  const paper = (title: string, abstract: string) => `${title}\n\n${abstract}`;
  writeFileSync(
    file,
    [
      "Daily Papers",
      "Mar 12",
      paper(
        "Sparse Mixture of Experts for Speech",
        "We route audio frames to sparse experts and halve the compute of speech recognition.",
      ),
      paper("Graph Transformers for Molecules", "A graph transformer predicts molecular properties with positional encodings."),
      paper("Curriculum Learning for Robot Grasping", "Robots learn to grasp with a curriculum of harder objects in simulation."),
    ].join("\n\n") + "\n",
  );
  await ingestFiles({ db: env.db, search: env.search, indexUid: env.indexUid }, { files: [file] });
  slugs = (await env.db.paper.findMany({ select: { slug: true }, orderBy: { title: "asc" } })).map((p) => p.slug);
});

afterAll(() => env.cleanup());

const request = (pathname: string) => new NextRequest(`http://localhost${pathname}`);
const many = (n: number) => Array.from({ length: n }, (_, i) => `paper-${i}`);

describe("loading a list's papers", () => {
  it("keeps the list's order and reports papers that no longer exist", async () => {
    expect(slugs).toHaveLength(3);
    const listed = await loadListPapers([slugs[2]!, MISSING, slugs[0]!]);
    expect(listed.map((l) => [l.slug, l.paper?.title ?? null])).toEqual([
      [slugs[2], "Sparse Mixture of Experts for Speech"],
      [MISSING, null],
      [slugs[0], "Curriculum Learning for Robot Grasping"],
    ]);
  });

  it("gives /lists the details of known slugs only, and refuses more than 200", async () => {
    const answer = await listPaperDetails([slugs[1], MISSING]);
    expect(answer).toEqual({
      papers: [
        { slug: slugs[1], title: "Graph Transformers for Molecules", codeUrl: null, topics: expect.any(Array) as unknown },
      ],
    });
    expect(await listPaperDetails(many(MAX_SHARED_PAPERS + 1))).toEqual({ error: "a list link holds at most 200 papers" });
    expect(await listPaperDetails("not-an-array")).toHaveProperty("error");
  });
});

describe("list exports", () => {
  it("JSON: the search export's paper shape, in list order, with the missing papers named", async () => {
    const response = await exportJson(request(shareHref("My thesis", [slugs[2]!, MISSING, slugs[0]!], "/list/export.json")));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="paperdex-list-my-thesis.json"');
    const body = (await response.json()) as {
      name: string;
      total: number;
      exported: number;
      list: string;
      missing: string[];
      papers: { slug: string; title: string; topics: string[]; digests: unknown[]; firstSeenAt: string }[];
    };
    expect(body).toMatchObject({ name: "My thesis", total: 3, exported: 2, missing: [MISSING] });
    expect(body.list).toBe(`http://localhost${shareHref("My thesis", [slugs[2]!, MISSING, slugs[0]!])}`);
    expect(body.papers.map((p) => p.slug)).toEqual([slugs[2], slugs[0]]);
    expect(Object.keys(body.papers[0]!).sort()).toEqual([
      "abstract",
      "codeUrl",
      "digests",
      "firstSeenAt",
      "slug",
      "title",
      "topics",
    ]);
  });

  it("BibTeX and CSV: one entry or row per existing paper, in order", async () => {
    const query = [slugs[1]!, MISSING, slugs[2]!];
    const bib = await exportBib(request(shareHref("Reading", query, "/list/export.bib")));
    expect(bib.status).toBe(200);
    expect(bib.headers.get("content-type")).toBe("application/x-bibtex; charset=utf-8");
    const text = await bib.text();
    expect(text.match(/^@misc\{/gm)).toHaveLength(2);
    expect(text.indexOf("Graph Transformers for Molecules")).toBeLessThan(text.indexOf("Sparse Mixture of Experts for Speech"));
    expect(text).toContain(`url = {http://localhost/papers/${slugs[1]}}`);

    const csv = await exportCsv(request(shareHref("Reading", query, "/list/export.csv")));
    expect(csv.status).toBe(200);
    const rows = (await csv.text()).trim().split("\r\n");
    expect(rows[0]).toBe("slug,title,abstract,code_url,topics,digests,first_seen,url");
    expect(rows.slice(1).map((r) => r.split(",")[0])).toEqual([slugs[1], slugs[2]]);
  });

  it("an empty list exports as empty files, not an error", async () => {
    const response = await exportJson(request("/list/export.json?name=Empty"));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: "Empty", total: 0, exported: 0, papers: [], missing: [] });
  });

  it("accepts 200 papers (missing ones too) and refuses 201 with a 400 that says why", async () => {
    const ok = await exportJson(request(shareHref("Big", [...slugs, ...many(MAX_SHARED_PAPERS - 3)], "/list/export.json")));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ total: 200, exported: 3 });
    for (const handler of [exportJson, exportCsv, exportBib]) {
      const refused = await handler(request(shareHref("Big", many(MAX_SHARED_PAPERS + 1), "/list/export.json")));
      expect(refused.status).toBe(400);
      expect(await refused.json()).toEqual({
        error: 'invalid parameter "paper": a list link holds at most 200 papers',
        param: "paper",
      });
    }
  });

  it("refuses a slug that cannot be a paper's, and a repeated name", async () => {
    const badSlug = await exportCsv(request("/list/export.csv?paper=Not%20A%20Slug"));
    expect(badSlug.status).toBe(400);
    expect(await badSlug.json()).toMatchObject({ param: "paper" });
    const twoNames = await exportCsv(request("/list/export.csv?name=a&name=b"));
    expect(twoNames.status).toBe(400);
    expect(await twoNames.json()).toMatchObject({ param: "name" });
  });
});

describe("the share page's answer to too many papers", () => {
  it("is a 400 page from the proxy beyond 200 papers; up to 200 the page renders", async () => {
    const refused = proxy(request(shareHref("Big", many(MAX_SHARED_PAPERS + 1))));
    expect(refused.status).toBe(400);
    expect(refused.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await refused.text()).toContain("at most 200 papers");

    const passed = proxy(request(shareHref("Big", many(MAX_SHARED_PAPERS))));
    expect(passed.status).toBe(200);
    expect(passed.headers.get("x-middleware-next")).toBe("1");
    // Empty values do not count, as the page's own parsing drops them.
    expect(proxy(request(`${shareHref("Big", many(MAX_SHARED_PAPERS))}&paper=&paper=`)).status).toBe(200);
    // Other pages are not concerned.
    expect(
      proxy(
        request(
          `/search?${many(MAX_SHARED_PAPERS + 1)
            .map((s) => `paper=${s}`)
            .join("&")}`,
        ),
      ).status,
    ).toBe(200);
  });
});
