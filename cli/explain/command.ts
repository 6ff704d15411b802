import * as fs from "fs";
import type { Output } from "../output";
import { EXIT, UsageError } from "../usage";
import { renderPreview } from "./markdown";
import { readPreview } from "./preview";

/**
 * `pulumi-vox explain [file]`: reads `pulumi preview --json` output from the file or standard input
 * and prints its Markdown summary; returns the exit code.
 */
export function explainCommand(file: string | undefined, output: Output): number {
  const text = readInput(file);
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

function readInput(file: string | undefined): string {
  if (file === undefined && process.stdin.isTTY) {
    throw new UsageError("explain reads `pulumi preview --json` output: give a file, or pipe it in");
  }
  try {
    return fs.readFileSync(file ?? 0, "utf8");
  } catch (error) {
    throw new UsageError(`${file ?? "standard input"}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
