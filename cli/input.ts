import * as fs from "fs";
import { UsageError } from "./usage";

/**
 * The text a command reads from `file`, or from standard input when no file is given. `expected` names
 * what the command wants, for the error when nothing is piped in (`pulumi preview --json` output).
 *
 * @throws UsageError when standard input is a terminal or the input cannot be read.
 */
export async function readCommandInput(command: string, expected: string, file: string | undefined): Promise<string> {
  if (file === undefined && process.stdin.isTTY) {
    throw new UsageError(`${command} reads ${expected}: give a file, or pipe it in`);
  }
  try {
    return file === undefined ? await readStream(process.stdin) : await fs.promises.readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(
      `${file ?? "standard input"}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
}

/**
 * Reads a stream to its end. Standard input is read as a stream, never with a synchronous read: when
 * the writer (`pulumi preview --json`, or npx in between) leaves the pipe non-blocking, a synchronous
 * read fails with EAGAIN as soon as the writer has not written yet.
 */
async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}
