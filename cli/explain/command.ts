import * as fs from "fs";
import type { Output } from "../output";
import { EXIT, UsageError } from "../usage";
import type { Clock } from "../../provider/tooling";
import { listFacts } from "./contact-files";
import { renderPreview } from "./markdown";
import { readPreview } from "./preview";

/**
 * `pulumi-vox explain [file] [--base REF]`: reads `pulumi preview --json` output from the file or
 * standard input and prints its Markdown summary at `clock`'s time; `base` is the git revision the
 * contact-list files are compared with. Resolves to the exit code.
 *
 * Input that is empty or not preview JSON (a preview that failed before it printed any, such as a failed
 * login) exits 1 with the reason on standard error, and a Markdown line saying so on standard output, so
 * that neither the CI step nor a comment posted from its output passes it by.
 */
export async function explainCommand(file: string | undefined, output: Output, clock: Clock, base?: string): Promise<number> {
  const text = await readInput(file);
  const source = file ?? "standard input";
  let preview;
  try {
    preview = readPreview(parseInput(text));
  } catch (error) {
    const reason = `${source}: ${(error as Error).message}`;
    output.err(`pulumi-vox explain: ${reason}`);
    output.out(`## vox campaigns in this preview\n\n⛔ **No summary**: ${reason}`);
    return EXIT.invalid;
  }
  for (const campaign of preview.campaigns) campaign.listFacts = listFacts(campaign, base);
  output.out(renderPreview(preview, clock.now()).trimEnd());
  return EXIT.ok;
}

/** The JSON of the input; an error that says what the input was instead, and what to look at. */
function parseInput(text: string): unknown {
  const advice = "`pulumi preview --json` printed no preview: see its error in the step's log (not logged in? no stack?)";
  if (text.trim() === "") throw new Error(`is empty; ${advice}`);
  try {
    return JSON.parse(text);
  } catch {
    const start = text.trim().split("\n")[0].slice(0, 120);
    throw new Error(`the input is not JSON (it begins "${start}"); ${advice}`);
  }
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
