import * as fs from "fs";
import * as path from "path";
import type { PulumiStack, RunResult } from "../e2e/support/pulumi-stack";
import { TEST_API_KEY } from "../support/emulator";

const repo = path.resolve(__dirname, "../..");
/** The pack as users run it: the folder shipped in the package. */
export const POLICY_PACK = path.join(repo, "policy");

export interface Violation {
  policy: string;
  /** The campaign's resource name. */
  resource: string;
  level: string;
  message: string;
}

/** A violation in the CLI's "Policies:" section: `- [level]  policy  (type: name)`, the policy's description, the message. */
const VIOLATION_LINE = /^\s+- \[(\w+)\]\s+(\S+)\s+\([^)]*: ([^)]+)\)\s*$/;

/**
 * Runs `pulumi <command> --policy-pack policy/` with `config` as the pack's config, and reads the policy
 * violations from the CLI's report (`preview` writes no event log, and `preview --json` leaves them out).
 */
export async function runWithPolicies(
  stack: PulumiStack,
  command: string[],
  config: Record<string, unknown> = {},
): Promise<{ result: RunResult; violations: Violation[] }> {
  const configFile = path.join(stack.dir, "policy-config.json");
  fs.writeFileSync(configFile, JSON.stringify(config));
  // A policy pack gets the environment, not the stack config: it opens the sealed task lists with VOX_API_KEY.
  const result = await stack.runWith(
    { VOX_API_KEY: TEST_API_KEY },
    ...command,
    "--policy-pack",
    POLICY_PACK,
    "--policy-pack-config",
    configFile,
  );
  const lines = result.stdout.split("\n");
  const violations = lines.flatMap((line, i) => {
    const match = VIOLATION_LINE.exec(line);
    return match ? [{ level: match[1], policy: match[2], resource: match[3], message: (lines[i + 2] ?? "").trim() }] : [];
  });
  return { result, violations };
}
