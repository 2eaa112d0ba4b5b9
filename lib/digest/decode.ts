import type { DigestProblem } from "./types";

/** Digest files larger than this are refused before decoding (a day's page is ~100 kB). */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export type DecodeResult = { ok: true; text: string } | { ok: false; problem: DigestProblem };

/** Checks that a file's bytes are UTF-8 text; pure, so the same check runs in tests. */
export function decodeDigest(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, problem: { message: "the file is empty" } };
  if (bytes.length > MAX_FILE_BYTES) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return {
      ok: false,
      problem: { message: `the file is ${mb(bytes.length)}, over the ${mb(MAX_FILE_BYTES)} a digest may have` },
    };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { ok: false, problem: { line: lineAt(bytes, nul), message: "the file is binary, not text (it contains NUL bytes)" } };
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return {
      ok: false,
      problem: {
        line: lineAt(bytes, offset),
        message: `the file is not valid UTF-8 (bad byte 0x${(bytes[offset] ?? 0).toString(16)} at offset ${offset}); save it as UTF-8`,
      },
    };
  }
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8, found by decoding ever longer prefixes. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Invariant: bytes[0, lo) decodes (allowing a cut multi-byte sequence at its end).
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  // `lo` is where decoding broke; the bad sequence may have started a few bytes earlier, at
  // a lead byte (0xC0 and up) whose continuation never came.
  for (let j = lo - 1; j >= Math.max(0, lo - 3); j--) {
    const byte = bytes[j]!;
    if (byte >= 0xc0) return j;
    if (byte < 0x80) break;
  }
  return lo;
}
