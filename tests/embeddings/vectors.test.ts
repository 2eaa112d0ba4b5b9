import { describe, expect, it } from "vitest";
import { idfTable } from "@/lib/embeddings/idf-table";
import { terms } from "@/lib/embeddings/terms";
import { cosine, DIMENSIONS, embedPaper, embedText, meanVector } from "@/lib/embeddings/vectors";

const table = idfTable();

describe("terms", () => {
  it("drops common words and stems the rest", () => {
    expect(terms("The emulator emulates emulation of Models")).toEqual(["emul", "emul", "emul", "model"]);
  });
});

describe("paper and text vectors", () => {
  const diffusion = embedPaper(
    "Diffusion models for image generation",
    "We train denoising diffusion models to generate images.",
    table,
  )!;
  const diffusion2 = embedPaper(
    "Faster sampling of diffusion models",
    "Diffusion models generate images with fewer denoising steps.",
    table,
  )!;
  const graphs = embedPaper(
    "Graph neural networks for molecules",
    "Message passing on molecular graphs predicts properties.",
    table,
  )!;

  it("are unit vectors of the index's dimension, the same for the same text", () => {
    expect(diffusion).toHaveLength(DIMENSIONS);
    expect(cosine(diffusion, diffusion)).toBeCloseTo(1, 2);
    expect(
      embedPaper("Diffusion models for image generation", "We train denoising diffusion models to generate images.", table),
    ).toEqual(diffusion);
  });

  it("place papers on the same subject closer than papers on different ones", () => {
    expect(cosine(diffusion, diffusion2)).toBeGreaterThan(cosine(diffusion, graphs) + 0.2);
  });

  it("embed a pasted text near the papers it describes", () => {
    const query = embedText("denoising diffusion image generation", table)!;
    expect(cosine(query, diffusion)).toBeGreaterThan(cosine(query, graphs));
  });

  it("have nothing to say about a text of stop words only", () => {
    expect(embedText("the of and with", table)).toBeNull();
  });

  it("average several vectors into a unit centroid", () => {
    const mean = meanVector([diffusion, diffusion2])!;
    expect(cosine(mean, mean)).toBeCloseTo(1, 2);
    expect(cosine(mean, diffusion)).toBeGreaterThan(cosine(diffusion2, diffusion) - 1e-9);
    expect(meanVector([])).toBeNull();
  });
});
