import * as fs from "fs";
import type { Output } from "../output";
import { EXIT, UsageError } from "../usage";
import { renderPreview } from "./markdown";
import { readPreview } from "./preview";

/**
 * `pulumi-vox explain [file]`: reads `pulumi preview --json` output from the file or standard input
 * and prints its Markdown summary; resolves to the exit code.
 */
export async function explainCommand(file: string | undefined, output: Output): Promise<number> {
  const text = await readInput(file);
  let preview;
  try {
    preview = readPreview(JSON.parse(text));
  } catch (error) {
    const reason = error instanceof SyntaxError ? "the input is not JSON" : (error as Error).message;
    output.err(`${file ?? "standard input"}: ${reason}; give it what \`pulumi preview --json\` prints`);
    return EXIT.invalid;
  }
  output.out(renderPreview(preview).trimEnd());
  return EXIT.ok;
}

async function readInput(file: string | undefined): Promise<string> {
  if (file === undefined && process.stdin.isTTY) {
    throw new UsageError("explain reads `pulumi preview --json` output: give a file, or pipe it in");
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
