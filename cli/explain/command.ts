import { readCommandInput } from "../input";
import type { Output } from "../output";
import { EXIT } from "../usage";
import { renderPreview } from "./markdown";
import { readPreview } from "./preview";

/**
 * `pulumi-vox explain [file]`: reads `pulumi preview --json` output from the file or standard input
 * and prints its Markdown summary; resolves to the exit code.
 */
export async function explainCommand(file: string | undefined, output: Output): Promise<number> {
  const text = await readCommandInput("explain", "`pulumi preview --json` output", file);
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
