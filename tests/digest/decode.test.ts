import { describe, expect, it } from "vitest";
import { decodeDigest, MAX_FILE_BYTES } from "@/lib/digest";

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (s: string) => new TextEncoder().encode(s);

describe("decodeDigest", () => {
  it("decodes UTF-8 text, Unicode included", () => {
    expect(decodeDigest(text("u-μP: The Unit-Scaled Maximal Update"))).toEqual({
      ok: true,
      text: "u-μP: The Unit-Scaled Maximal Update",
    });
  });

  it("refuses an empty file", () => {
    expect(decodeDigest(bytes())).toEqual({ ok: false, problem: { message: "the file is empty" } });
  });

  it("refuses a binary file and says on which line the first NUL byte is", () => {
    const result = decodeDigest(new Uint8Array([...text("line one\nline two\n"), 0x00, 0x13, 0x37]));
    expect(result).toEqual({ ok: false, problem: { line: 3, message: "the file is binary, not text (it contains NUL bytes)" } });
  });

  it("refuses invalid UTF-8 and points at the bad byte", () => {
    const result = decodeDigest(new Uint8Array([...text("Title\n\nCaf"), 0xe9, ...text(" au lait.\n")]));
    expect(result).toEqual({
      ok: false,
      problem: { line: 3, message: "the file is not valid UTF-8 (bad byte 0xe9 at offset 10); save it as UTF-8" },
    });
  });

  it("refuses a file over the size limit without decoding it", () => {
    const result = decodeDigest(new Uint8Array(MAX_FILE_BYTES + 1));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.message).toMatch(/^the file is 32\.0 MB, over the 32\.0 MB a digest may have$/);
  });
});
