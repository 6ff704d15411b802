import * as fs from "fs";

/** How large a file may be, and what to tell the user whose file is larger. */
export interface SizeLimit {
  bytes: number;
  /** What the file is, for the message: `a contact list`. */
  noun: string;
  /** What to do instead: `split it into several campaigns`. */
  advice: string;
}

/** The file's bytes, or why it was not read; the reason never quotes the content. */
export type BytesResult = { ok: true; bytes: Buffer } | { ok: false; reason: string };

/**
 * Opening a FIFO for reading waits for a writer, forever if none comes; with O_NONBLOCK it returns at once
 * and fstat then refuses it. Windows has neither the flag nor FIFOs at file paths.
 */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

const CHUNK_BYTES = 1024 * 1024;

/**
 * Reads a regular file of at most `limit.bytes`, in time and memory bounded by the limit whatever the path
 * names: a FIFO, a device such as /dev/zero, a directory or a file that is too large is refused before a
 * byte is read, and a file that grows while it is read stops being read one chunk past the limit.
 */
export function readBoundedFile(file: string, limit: SizeLimit): BytesResult {
  // stat first, so that a device is never even opened (opening some has effects of its own).
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    return { ok: false, reason: openFailure(error) };
  }
  const refusal = refusalOf(stat, limit);
  if (refusal !== undefined) return { ok: false, reason: refusal };

  let descriptor: number;
  try {
    descriptor = fs.openSync(file, OPEN_FLAGS);
  } catch (error) {
    return { ok: false, reason: openFailure(error) };
  }
  try {
    // Again on what was opened: the path may have been replaced since the stat.
    const opened = refusalOf(fs.fstatSync(descriptor), limit);
    if (opened !== undefined) return { ok: false, reason: opened };
    return readUpTo(descriptor, limit);
  } catch (error) {
    return { ok: false, reason: openFailure(error) };
  } finally {
    fs.closeSync(descriptor);
  }
}

function readUpTo(descriptor: number, limit: SizeLimit): BytesResult {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    const read = fs.readSync(descriptor, chunk, 0, CHUNK_BYTES, null);
    if (read === 0) return { ok: true, bytes: Buffer.concat(chunks, total) };
    chunks.push(chunk.subarray(0, read));
    total += read;
    if (total > limit.bytes) {
      return {
        ok: false,
        reason: `grew past ${mebibytes(limit.bytes)}, the most ${limit.noun} may be, while it was read; ${limit.advice}`,
      };
    }
  }
}

function refusalOf(stat: fs.Stats, limit: SizeLimit): string | undefined {
  if (!stat.isFile()) return `is ${kindOf(stat)}, not a regular file; ${limit.noun} must be a regular file`;
  if (stat.size > limit.bytes) {
    return `is ${mebibytes(stat.size)}, more than the ${mebibytes(limit.bytes)} ${limit.noun} may be; ${limit.advice}`;
  }
  return undefined;
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return "a directory";
  if (stat.isFIFO()) return "a named pipe (FIFO)";
  if (stat.isCharacterDevice()) return "a character device (such as /dev/zero)";
  if (stat.isBlockDevice()) return "a block device";
  if (stat.isSocket()) return "a socket";
  return "not a file";
}

function openFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" ? "no such file" : `cannot be read (${code ?? (error as Error).message})`;
}

/** 52428800 → `50.0 MiB`; sizes below a tenth of a MiB show in KiB. */
function mebibytes(bytes: number): string {
  return bytes >= 104_858 ? `${(bytes / 1_048_576).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
