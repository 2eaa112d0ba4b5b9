import { createHash } from "node:crypto";
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import path from "node:path";
import { z } from "zod";

// The term vectors trained by `npm run vectors:train` (scripts/vectors): for each term or
// bigram of the vocabulary, a row of `dims` numbers that already carries the term's IDF, so a
// text's vector is the sum of its terms' rows weighted by their dampened counts. Stored as
// int8 with one float scale per row: a JSON header line, then, gzipped, the vocabulary (UTF-8,
// one term a line), the row scales (float32, little-endian) and the rows (int8, terms × dims).

export const TERM_VECTORS_FILE = path.resolve("seeds/term-vectors.bin.gz");
const FORMAT = "paperdex-term-vectors";

const headerSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  dims: z.number().int().positive(),
  terms: z.number().int().positive(),
  vocabularyBytes: z.number().int().positive(),
  /** Hash of the table's contents: names the index's embedder, so a retrained table means a rebuilt index. */
  fingerprint: z.string().regex(/^[0-9a-f]{12}$/),
  /** What the table was trained on and how: shown by tools, not used here. */
  trained: z.record(z.string(), z.unknown()),
});

export type TermVectorsHeader = z.infer<typeof headerSchema>;

export interface TermVectors {
  dims: number;
  /** Row of each term. */
  index: Map<string, number>;
  /** Row r's value j is values[r * dims + j] * scales[r]. */
  scales: Float32Array;
  values: Int8Array;
  header: TermVectorsHeader;
}

/** Quantizes float rows (terms × dims) and writes them in the table's format. */
export function encodeTermVectors(terms: string[], rows: Float64Array, dims: number, trained: Record<string, unknown>): Buffer {
  const scales = new Float32Array(terms.length);
  const values = new Int8Array(terms.length * dims);
  for (let r = 0; r < terms.length; r++) {
    let max = 0;
    for (let j = 0; j < dims; j++) max = Math.max(max, Math.abs(rows[r * dims + j]!));
    const scale = max / 127 || 1;
    scales[r] = scale;
    for (let j = 0; j < dims; j++) values[r * dims + j] = Math.round(rows[r * dims + j]! / scale);
  }
  const vocabulary = Buffer.from(terms.join("\n"), "utf8");
  const payload = Buffer.concat([vocabulary, Buffer.from(scales.buffer), Buffer.from(values.buffer)]);
  const header: TermVectorsHeader = {
    format: FORMAT,
    version: 1,
    dims,
    terms: terms.length,
    vocabularyBytes: vocabulary.length,
    fingerprint: createHash("sha256").update(payload).digest("hex").slice(0, 12),
    trained,
  };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, "utf8"), gzipSync(payload, { level: 9 })]);
}

function parseHeader(file: Buffer): { header: TermVectorsHeader; end: number } {
  const end = file.indexOf(0x0a);
  if (end < 0) throw new Error("term vectors: no header line");
  return { header: headerSchema.parse(JSON.parse(file.subarray(0, end).toString("utf8"))), end };
}

export function decodeTermVectors(file: Buffer): TermVectors {
  const { header, end } = parseHeader(file);
  const bytes = gunzipSync(file.subarray(end + 1));
  let offset = 0;
  const terms = bytes
    .subarray(offset, offset + header.vocabularyBytes)
    .toString("utf8")
    .split("\n");
  offset += header.vocabularyBytes;
  if (terms.length !== header.terms) throw new Error(`term vectors: ${terms.length} terms, the header says ${header.terms}`);
  const expected = offset + header.terms * 4 + header.terms * header.dims;
  if (bytes.length !== expected) throw new Error(`term vectors: ${bytes.length} bytes, expected ${expected}`);
  // Copies: the views must start on their element size, wherever the vocabulary ended.
  const scales = new Float32Array(bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + header.terms * 4));
  offset += header.terms * 4;
  const values = new Int8Array(bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + expected));
  return { dims: header.dims, index: new Map(terms.map((t, i) => [t, i])), scales, values, header };
}

let cached: TermVectors | undefined;
let cachedHeader: TermVectorsHeader | undefined;

/** The committed table's header alone (its dimensions, for the index settings): cheap. */
export function termVectorsHeader(): TermVectorsHeader {
  if (cachedHeader) return cachedHeader;
  const fd = openSync(/*turbopackIgnore: true*/ TERM_VECTORS_FILE, "r");
  try {
    const head = Buffer.alloc(4096);
    const read = readSync(fd, head, 0, head.length, 0);
    cachedHeader = parseHeader(head.subarray(0, read)).header;
  } finally {
    closeSync(fd);
  }
  return cachedHeader;
}

/** The committed term vectors (seeds/term-vectors.bin.gz), read once. */
export function termVectors(file = TERM_VECTORS_FILE): TermVectors {
  if (cached && file === TERM_VECTORS_FILE) return cached;
  // Read at run time from the project folder; the comment keeps the bundler from tracing it.
  const table = decodeTermVectors(readFileSync(/*turbopackIgnore: true*/ file));
  if (file === TERM_VECTORS_FILE) cached = table;
  return table;
}
