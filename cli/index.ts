#!/usr/bin/env node
/**
 * The `pulumi-vox` command: `validate` campaign files in a pull request check, `explain` a preview
 * in a pull request comment, `status` of a stack's campaigns, `doctor` of the API settings. See
 * `pulumi-vox --help`.
 */
import { parseArgs } from "util";
import { doctorCommand } from "./doctor/command";
import { driftCommand } from "./drift/command";
import { explainCommand } from "./explain/command";
import { systemClock } from "../provider/tooling";
import type { Clock } from "../provider/tooling";
import { Output, processOutput } from "./output";
import { processScreen, statusCommand } from "./status/command";
import { EXIT, HELP, UsageError } from "./usage";
import { validateCommand } from "./validate";

/** Runs the command line `args` (without `node` and the script) at `clock`'s time; resolves to the exit code. */
export async function main(args: string[], output: Output, clock: Clock): Promise<number> {
  // status has options of its own and talks to the API.
  if (args[0] === "status") return statusCommand(args.slice(1), processScreen(output, clock));
  if (args[0] === "doctor") return doctorCommand(args.slice(1), output, clock);
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { help: { type: "boolean", short: "h" }, version: { type: "boolean", short: "v" }, base: { type: "string" } },
    });
    const [command, ...operands] = positionals;
    if (values.base !== undefined && command !== "explain") throw new UsageError("--base is an option of explain");
    if (values.help) return print(output, HELP.trimEnd());
    if (values.version) return print(output, (require("pulumi-vox/package.json") as { version: string }).version);
    if (command === "validate") return validateCommand(operands, output, clock);
    if (command === "explain") {
      if (operands.length > 1) throw new UsageError("explain takes at most one file");
      return await explainCommand(operands[0], output, clock, values.base);
    }
    if (command === "drift") {
      if (operands.length > 1) throw new UsageError("drift takes at most one file");
      return await driftCommand(operands[0], output);
    }
    throw new UsageError(command === undefined ? "no command given" : `unknown command "${command}"`);
  } catch (error) {
    // parseArgs reports unknown options and the like with these codes.
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (!(error instanceof UsageError) && !code.startsWith("ERR_PARSE_ARGS")) throw error;
    output.err(`pulumi-vox: ${(error as Error).message}\nRun \`pulumi-vox --help\` for the commands.`);
    return EXIT.usage;
  }
}

function print(output: Output, text: string): number {
  output.out(text);
  return EXIT.ok;
}

if (require.main === module) {
  main(process.argv.slice(2), processOutput(), systemClock).then((code) => {
    process.exitCode = code;
  });
}
