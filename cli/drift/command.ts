import { readCommandInput } from "../input";
import type { Output } from "../output";
import { EXIT } from "../usage";
import { driftReport, renderDrift } from "./markdown";
import { readRefreshEvents, STREAMING_VARIABLE } from "./refresh-events";

const EXPECTED = `the output of \`${STREAMING_VARIABLE}=true pulumi refresh --preview-only --json\``;

/**
 * `pulumi-vox drift [file]`: reads the engine events of a refresh preview from the file or standard
 * input and prints a Markdown drift report; resolves to 0 without drift, EXIT.drift with it, and
 * EXIT.invalid when the input is not a refresh that read every campaign.
 */
export async function driftCommand(file: string | undefined, output: Output): Promise<number> {
  const text = await readCommandInput("drift", EXPECTED, file);
  const where = file ?? "standard input";
  let refresh;
  try {
    refresh = readRefreshEvents(text);
  } catch (error) {
    output.err(`${where}: ${(error as Error).message}`);
    return EXIT.invalid;
  }
  if (refresh.errors.length > 0 || !refresh.succeeded) {
    // A campaign the refresh could not read is unknown, not unchanged: no report rather than a false "no drift".
    const reasons =
      refresh.errors.length > 0
        ? refresh.errors.map((error) => error.split("\n")[0]).join("\n")
        : "the events end before the refresh's summary";
    output.err(`${where}: the refresh did not read every campaign, so there is no drift report:\n${reasons}`);
    return EXIT.invalid;
  }
  const report = driftReport(refresh);
  output.out(renderDrift(report));
  return report.drifted.length > 0 ? EXIT.drift : EXIT.ok;
}
