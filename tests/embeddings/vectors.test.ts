import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { paperFeatures, sublinear, textFeatures } from "@/lib/embeddings/features";
import { terms } from "@/lib/embeddings/terms";
import {
  decodeTermVectors,
  encodeTermVectors,
  termVectors,
  termVectorsHeader,
  type TermVectors,
} from "@/lib/embeddings/term-vectors";
import { cosine, DIMENSIONS, embedPaper, embedText, meanVector } from "@/lib/embeddings/vectors";
import { EMBEDDER, PAPERS_INDEX_SETTINGS } from "@/lib/search/settings";

describe("terms", () => {
  it("drops common words and stems the rest", () => {
    expect(terms("The emulator emulates emulation of Models")).toEqual(["emul", "emul", "emul", "model"]);
  });
});

describe("the committed term vectors", () => {
  const table = termVectors();

  it("load with the dimensions the index is set up for", () => {
    expect(table.dims).toBe(DIMENSIONS);
    expect(termVectorsHeader().dims).toBe(DIMENSIONS);
    expect(DIMENSIONS).toBeLessThan(384);
    expect(PAPERS_INDEX_SETTINGS.embedders).toEqual({ [EMBEDDER]: { source: "userProvided", dimensions: DIMENSIONS } });
    expect(EMBEDDER).toBe(`text_${table.header.fingerprint}`);
    expect(table.index.size).toBe(table.header.terms);
    expect(table.index.has("diffus model")).toBe(true); // bigrams are part of the vocabulary
  });

  it("survive encoding and decoding with the same numbers and fingerprint", () => {
    const terms = ["alpha", "beta gamma", "delta"];
    const rows = Float64Array.from({ length: 3 * 4 }, (_, i) => Math.sin(i + 1));
    const encoded = encodeTermVectors(terms, rows, 4, { note: "test" });
    const decoded = decodeTermVectors(encoded);
    expect([...decoded.index.keys()]).toEqual(terms);
    for (let i = 0; i < rows.length; i++)
      expect(decoded.values[i]! * decoded.scales[Math.floor(i / 4)]!).toBeCloseTo(rows[i]!, 1);
    expect(encodeTermVectors(terms, rows, 4, { note: "test" })).toEqual(encoded);
    expect(
      decodeTermVectors(
        encodeTermVectors(
          terms,
          rows.map((x) => -x),
          4,
          { note: "test" },
        ),
      ).header.fingerprint,
    ).not.toBe(decoded.header.fingerprint);
  });
});

describe("paper and text vectors", () => {
  const diffusion = embedPaper(
    "Diffusion models for image generation",
    "We train denoising diffusion models to generate images.",
  )!;
  const diffusion2 = embedPaper(
    "Faster sampling of diffusion models",
    "Diffusion models generate images with fewer denoising steps.",
  )!;
  const scoreBased = embedPaper(
    "Score-based generative modeling of pictures",
    "A score network learns to reverse a noising process and synthesizes photos.",
  )!;
  const graphs = embedPaper("Graph neural networks for molecules", "Message passing on molecular graphs predicts properties.")!;

  it("are unit vectors of the index's dimension, the same for the same text", () => {
    expect(diffusion).toHaveLength(DIMENSIONS);
    expect(cosine(diffusion, diffusion)).toBeCloseTo(1, 2);
    expect(
      embedPaper("Diffusion models for image generation", "We train denoising diffusion models to generate images."),
    ).toEqual(diffusion);
  });

  it("place papers on the same subject closer than papers on different ones", () => {
    expect(cosine(diffusion, diffusion2)).toBeGreaterThan(cosine(diffusion, graphs) + 0.2);
  });

  it("place papers on one subject close even when they share no words (what TF-IDF cannot)", () => {
    expect(cosine(diffusion, scoreBased)).toBeGreaterThan(cosine(diffusion, graphs) + 0.2);
  });

  it("embed a pasted text near the papers it describes", () => {
    const query = embedText("denoising diffusion image generation")!;
    expect(cosine(query, diffusion)).toBeGreaterThan(cosine(query, graphs));
  });

  it("have nothing to say about a text of stop words only", () => {
    expect(embedText("the of and with")).toBeNull();
  });

  it("average several vectors into a unit centroid", () => {
    const mean = meanVector([diffusion, diffusion2])!;
    expect(cosine(mean, mean)).toBeCloseTo(1, 2);
    expect(cosine(mean, diffusion)).toBeGreaterThan(cosine(diffusion2, diffusion) - 1e-9);
    expect(meanVector([])).toBeNull();
  });

  it("take well under a millisecond per paper", () => {
    const started = performance.now();
    for (let i = 0; i < 2_000; i++)
      embedPaper(`Diffusion models ${i}`, "We train denoising diffusion models to generate images.");
    expect((performance.now() - started) / 2_000).toBeLessThan(0.5);
  });
});

/**
 * The vector as the features define it, summed the plain way: every feature of the text in the
 * order it first occurs, its row weighted by its dampened count, then scaled to unit length and
 * rounded. embedPaper and embedText must give exactly this (they skip building the features).
 */
function reference(counts: Map<string, number>, { dims, index, scales, values }: TermVectors): number[] | null {
  const vector = new Float64Array(dims);
  let known = 0;
  for (const [feature, count] of counts) {
    const row = index.get(feature);
    if (row === undefined) continue;
    known++;
    for (let j = 0; j < dims; j++) vector[j]! += sublinear(count) * scales[row]! * values[row * dims + j]!;
  }
  let norm = 0;
  for (const x of vector) norm += x * x;
  if (known === 0 || norm === 0) return null;
  return Array.from(vector, (x) => Math.round((x / Math.sqrt(norm)) * 10_000) / 10_000);
}

describe("embedding without building the features", () => {
  const corpus = gunzipSync(readFileSync("tests/fixtures/corpus/arxiv-cs-daily-sample.jsonl.gz"))
    .toString("utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { title: string; abstract: string })
    .filter((_, i) => i % 3 === 0);

  it("gives the reference vectors to the bit, paper after paper (1,000 real papers)", () => {
    const table = termVectors();
    let differing = 0;
    for (const { title, abstract } of corpus) {
      if (JSON.stringify(embedPaper(title, abstract, table)) !== JSON.stringify(reference(paperFeatures(title, abstract), table)))
        differing++;
      const text = `${title} ${abstract.slice(0, 200)}`;
      if (JSON.stringify(embedText(text, table)) !== JSON.stringify(reference(textFeatures(text), table))) differing++;
    }
    expect(differing).toBe(0);
  });

  it("counts bigrams across dropped words, repeated terms and titles twice, on a table of its own", () => {
    const vocabulary = ["diffus", "model", "diffus model", "model diffus", "imag", "gener", "imag gener", "über", "über model"];
    const dims = 5;
    const rows = Float64Array.from({ length: vocabulary.length * dims }, (_, i) => Math.sin(i * 1.7 + 0.3));
    const table = decodeTermVectors(encodeTermVectors(vocabulary, rows, dims, { note: "test" }));
    const texts = [
      ["Diffusion models", "Diffusion of the models, and models of diffusion: 2024 diffusion models generate images."],
      ["", "the of and"],
      ["Über models", "ÜBER MODELS über-models 7 über"],
      ["image", "generation image generation image"],
    ] as const;
    for (const [title, abstract] of texts) {
      expect(embedPaper(title, abstract, table)).toEqual(reference(paperFeatures(title, abstract), table));
      expect(embedText(abstract, table)).toEqual(reference(textFeatures(abstract), table));
    }
    expect(embedPaper("", "the of and", table)).toBeNull();
    // The committed table and this one, interleaved: each keeps its own lookup.
    expect(embedText("diffusion models", table)).toEqual(reference(textFeatures("diffusion models"), table));
    expect(embedText("diffusion models")).toEqual(reference(textFeatures("diffusion models"), termVectors()));
  });
});
