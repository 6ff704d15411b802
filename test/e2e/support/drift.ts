import * as fs from "fs";
import * as path from "path";
import { main } from "../../../cli/index";
import { STREAMING_VARIABLE } from "../../../cli/drift/refresh-events";
import { systemClock } from "../../../provider/tooling";
import type { PulumiStack, RunResult } from "./pulumi-stack";

/**
 * `pulumi refresh --preview-only --json` as a drift job runs it: engine events on, and without the
 * stack's PULUMI_SKIP_CONFIRMATIONS, which Pulumi refuses next to --preview-only.
 */
export function refreshPreview(stack: PulumiStack, streaming = true): Promise<RunResult> {
  const env = { PULUMI_SKIP_CONFIRMATIONS: undefined, [STREAMING_VARIABLE]: streaming ? "true" : undefined };
  return stack.runWith(env, "refresh", "--preview-only", "--json");
}

/** `pulumi-vox drift FILE` over `text`: its exit code and what it printed on each stream. */
export async function drift(stack: PulumiStack, text: string): Promise<{ code: number; out: string; err: string }> {
  const file = path.join(stack.dir, "refresh.jsonl");
  fs.writeFileSync(file, text);
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["drift", file], { out: (line) => out.push(line), err: (line) => err.push(line) }, systemClock);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Rewrites the stack's state through export and import, as an operator fixing state by hand would. */
export async function editState(stack: PulumiStack, edit: (resource: Record<string, any>) => void): Promise<void> {
  const state = JSON.parse(await stack.exportState());
  for (const resource of state.deployment.resources) edit(resource);
  const file = path.join(stack.dir, "edited-state.json");
  fs.writeFileSync(file, JSON.stringify(state));
  await stack.ok("stack", "import", "--file", file);
}
