#!/usr/bin/env node
/**
 * `vox-emulator`: runs the emulator standalone until SIGINT/SIGTERM.
 * Prints one line, `vox-emulator listening on <url>`, once it accepts requests.
 */
import { parseArgs } from "node:util";
import { FAULT_TYPES, FaultSpec, parseFaultSpec } from "./faults";
import { EmulatorOptions, RATE_LIMIT_ENV } from "./options";
import { parseRateLimit } from "./rate-limit";
import { startEmulator } from "./index";

const USAGE = `usage: vox-emulator [--port 4010] [--host 127.0.0.1] --api-key KEY [--api-key KEY2 ...]
                    [--data FILE] [--speed N] [--seed N] [--failure-rate R]
                    [--rate-limit N/BURST|off] [--fault SPEC ...] [--approved-number NUMBER ...]
       vox-emulator --help
  --api-key defaults to $VOX_API_KEY; --rate-limit to $${RATE_LIMIT_ENV}, else 5/10.
  SPEC: TYPE[:key=value,...], TYPE one of ${FAULT_TYPES.join(", ")};
        keys method, path, count, rate, ms, retry-after, commit-after. See emulator/README.md.`;

/**
 * Turns the command line (and environment) into emulator options, or `'help'` for `--help`/`-h`
 * (asked for before any value is checked, so it needs no API key).
 * @throws Error on bad arguments
 */
export function parseCliArgs(args: string[], env: NodeJS.ProcessEnv): EmulatorOptions | "help" {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      help: { type: "boolean", short: "h" },
      port: { type: "string", default: "4010" },
      host: { type: "string", default: "127.0.0.1" },
      "api-key": { type: "string", multiple: true },
      data: { type: "string" },
      speed: { type: "string" },
      seed: { type: "string" },
      "failure-rate": { type: "string" },
      "rate-limit": { type: "string" },
      fault: { type: "string", multiple: true },
      "approved-number": { type: "string", multiple: true },
    },
  });
  if (values.help === true) return "help";
  const apiKeys = values["api-key"] ?? (env.VOX_API_KEY ? [env.VOX_API_KEY] : []);
  if (apiKeys.length === 0) throw new Error("an API key is required: --api-key KEY or VOX_API_KEY");
  const faults: FaultSpec[] = (values.fault ?? []).map(parseFaultSpec);
  return {
    apiKey: apiKeys,
    port: parseNumber(values.port, "--port"),
    host: values.host,
    dataFile: values.data,
    speed: values.speed === undefined ? undefined : parseNumber(values.speed, "--speed"),
    seed: values.seed === undefined ? undefined : parseNumber(values.seed, "--seed"),
    failureRate: values["failure-rate"] === undefined ? undefined : parseNumber(values["failure-rate"], "--failure-rate"),
    // Absent: startEmulator's default, which reads the same environment variable.
    rateLimit: values["rate-limit"] === undefined ? undefined : parseRateLimit(values["rate-limit"]),
    faults,
    approvedPresentationNumbers: values["approved-number"],
  };
}

function parseNumber(text: string | undefined, flag: string): number {
  const value = Number(text);
  if (text === undefined || text.trim() === "" || !Number.isFinite(value)) throw new Error(`${flag} needs a number, got "${text}"`);
  return value;
}

async function main(): Promise<void> {
  let options: EmulatorOptions | "help";
  try {
    options = parseCliArgs(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`vox-emulator: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (options === "help") {
    console.log(USAGE);
    return;
  }
  const emulator = await startEmulator(options);
  const stop = (signal: NodeJS.Signals) => {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    emulator.close().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(`vox-emulator: stopping on ${signal} failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  // Last: whoever waits for this line may signal at once, and the handlers must be there by then.
  console.log(`vox-emulator listening on ${emulator.url}`);
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(`vox-emulator: ${error.message}`);
    process.exit(1);
  });
}
