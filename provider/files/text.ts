import * as iconv from "iconv-lite";
import { SizeLimit, readBoundedFile } from "./bounded-read";

/**
 * How a file's bytes are read: `auto` takes UTF-8 (with or without BOM) when the bytes are valid UTF-8
 * and CP949 otherwise, which is what Excel in Korea writes for "CSV (comma delimited)". CP949 is a
 * superset of EUC-KR, so `euc-kr` files are read with the same table.
 */
export type TextEncoding = "auto" | "utf-8" | "cp949" | "euc-kr";

/** Every accepted `encoding` value (options come from JavaScript callers too, unchecked by types). */
const TEXT_ENCODINGS: readonly TextEncoding[] = ["auto", "utf-8", "cp949", "euc-kr"];

/** The file's text, or why it could not be read; the reason never quotes the content. */
export type TextResult = { ok: true; text: string; encoding: "utf-8" | "cp949" } | { ok: false; reason: string };

const UTF16_BOMS = [Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])];

/**
 * Reads and decodes a regular file of at most `limit.bytes` (see readBoundedFile); a missing, unreadable,
 * special or too large file is a reason, not a throw.
 */
export function readText(file: string, encoding: TextEncoding, limit: SizeLimit): TextResult {
  const read = readBoundedFile(file, limit);
  return read.ok ? decodeText(read.bytes, encoding) : read;
}

/** Decodes bytes as {@link TextEncoding} says; a leading BOM is dropped. */
function decodeText(bytes: Buffer, encoding: TextEncoding): TextResult {
  if (!TEXT_ENCODINGS.includes(encoding)) {
    return { ok: false, reason: `encoding "${encoding}" is not supported; use one of ${TEXT_ENCODINGS.join(", ")}` };
  }
  if (UTF16_BOMS.some((bom) => bytes.subarray(0, 2).equals(bom))) {
    // Excel's "Unicode text" export: decoding it as either table would give garbage column names.
    return { ok: false, reason: 'is UTF-16 text; save it as "CSV UTF-8" (or CP949 CSV) instead' };
  }
  if (encoding === "cp949" || encoding === "euc-kr") return { ok: true, text: iconv.decode(bytes, "cp949"), encoding: "cp949" };
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: "utf-8" };
  if (encoding === "utf-8") {
    return { ok: false, reason: 'is not valid UTF-8; if Excel saved it as plain "CSV", set encoding to "cp949"' };
  }
  return { ok: true, text: iconv.decode(bytes, "cp949"), encoding: "cp949" };
}

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    // `fatal` makes invalid bytes throw instead of becoming U+FFFD; the BOM is dropped by default.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
