import { execFileSync } from "child_process";
import * as path from "path";
import type { PulumiStack } from "../e2e/support/pulumi-stack";
import { useStackPerTest } from "../e2e/support/pulumi-stack";

const repo = path.resolve(__dirname, "../..");

/** Runs scripts/ensure-yaml-host.sh (a cache hit after the first build) and returns the YAML language host's directory. */
export function yamlHostDir(): string {
  const out = execFileSync("bash", [path.join(repo, "scripts/ensure-yaml-host.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return out.trim().split("\n").pop()!;
}

/**
 * The e2e hooks of test/e2e (a fresh emulator and stack per test) for a copy of `example`, with the YAML
 * language host on PATH. The example finds the provider at node_modules/.bin, as a user's project does.
 */
export function useNativeStackPerTest(example?: string): ReturnType<typeof useStackPerTest> {
  before(function () {
    this.timeout(10 * 60_000); // a cold build of the YAML host
    process.env.PATH = `${yamlHostDir()}${path.delimiter}${process.env.PATH}`;
  });
  return useStackPerTest(example);
}

/** The type of a campaign in state: the dynamic door's, or the native door's. */
export const DYNAMIC_TYPE = "pulumi-nodejs:dynamic/vox:Campaign";
export const NATIVE_TYPE = "vox:index:Campaign";

/** Each campaign of `type` with its id, outputs and inputs as state holds them, by resource name. */
export async function campaignsInState(stack: PulumiStack, type: string): Promise<Record<string, any>> {
  const state = JSON.parse((await stack.ok("stack", "export", "--show-secrets")).stdout);
  const campaigns: Record<string, any> = {};
  for (const resource of state.deployment.resources ?? []) {
    if (resource.type === type)
      campaigns[String(resource.urn).split("::").pop()!] = { id: resource.id, ...resource.outputs, inputs: resource.inputs };
  }
  return campaigns;
}

/** `pulumi preview --json`: the planned operation of each campaign of `type` that changes, by resource name. */
export async function previewOps(stack: PulumiStack, type: string): Promise<Record<string, string>> {
  const result = await stack.run("preview", "--json");
  if (result.code !== 0) throw new Error(`pulumi preview exited ${result.code}\n${result.stdout}\n${result.stderr}`);
  const ops: Record<string, string> = {};
  for (const step of JSON.parse(result.stdout).steps ?? []) {
    if (String(step.urn).includes(`::${type}::`) && step.op !== "same") ops[String(step.urn).split("::").pop()!] = step.op;
  }
  return ops;
}

/** Each native campaign's id and outputs as state holds them, by resource name. */
export const nativeCampaigns = (stack: PulumiStack): Promise<Record<string, any>> => campaignsInState(stack, NATIVE_TYPE);

/** The planned operation of each native campaign that changes, by resource name. */
export const nativePreviewOps = (stack: PulumiStack): Promise<Record<string, string>> => previewOps(stack, NATIVE_TYPE);
