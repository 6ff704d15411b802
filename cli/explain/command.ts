import { readCommandInput } from "../input";
import type { Output } from "../output";
import { EXIT } from "../usage";
import type { Clock } from "../../provider/tooling";
import { listFacts } from "./contact-files";
import { renderPreview } from "./markdown";
import { isPlan, readPlan, renderPlan } from "./plan";
import { readPreview } from "./preview";

/**
 * `pulumi-vox explain [file] [--base REF]`: reads `pulumi preview --json` output, or an update plan
 * (`pulumi preview --save-plan plan.json`), from the file or standard input and prints its Markdown
 * summary at `clock`'s time; `base` is the git revision the contact-list files are compared with.
 * Resolves to the exit code.
 *
 * Input that is empty or not preview JSON (a preview that failed before it printed any, such as a failed
 * login) exits 1 with the reason on standard error, and a Markdown line saying so on standard output, so
 * that neither the CI step nor a comment posted from its output passes it by.
 */
export async function explainCommand(file: string | undefined, output: Output, clock: Clock, base?: string): Promise<number> {
  const text = await readCommandInput("explain", "`pulumi preview --json` output", file);
  const source = file ?? "standard input";
  let preview;
  try {
    const input = parseInput(text);
    if (isPlan(input)) {
      output.out(renderPlan(readPlan(input), file ?? "plan.json", clock.now()).trimEnd());
      return EXIT.ok;
    }
    preview = readPreview(input);
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
