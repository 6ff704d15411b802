/**
 * Where `pulumi-vox status` finds its campaigns and its API settings: `--id`, a `pulumi stack export`
 * (a file, or the command run for the current or a named stack), and the environment or stack config.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import type { ConfigSource } from "../../provider/tooling";
import { UsageError } from "../usage";

/** The type token of vox.Campaign in state. */
export const CAMPAIGN_TYPE = "pulumi-nodejs:dynamic/vox:Campaign";

export interface CampaignRef {
  /** The resource name in the stack; none when given by `--id` (the campaign's name is shown then). */
  label?: string;
  id: string;
}

interface ExportedResource {
  urn?: string;
  type?: string;
  id?: string;
  delete?: boolean;
}

/** The vox campaigns of a `pulumi stack export` document (those that still exist in state), in state order. */
export function campaignsOfExport(exported: unknown): CampaignRef[] {
  const resources = (exported as { deployment?: { resources?: ExportedResource[] } })?.deployment?.resources;
  if (!Array.isArray(resources))
    throw new UsageError("the stack export has no deployment.resources: is it the output of `pulumi stack export`?");
  return resources
    .filter((r) => r.type === CAMPAIGN_TYPE && typeof r.id === "string" && r.id !== "" && !r.delete)
    .map((r) => ({ label: (r.urn ?? r.id ?? "").split("::").pop() ?? r.id!, id: r.id! }));
}

/** Reads a stack export file, or `-` for standard input. */
export function readExportFile(file: string): unknown {
  const text = fs.readFileSync(file === "-" ? 0 : file, "utf8");
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${file} is not JSON: give the output of \`pulumi stack export\``);
  }
}

/** `pulumi <args>` in the current directory; its output, or undefined when it fails (no stack, no secret). */
function pulumi(args: string[]): string | undefined {
  try {
    return execFileSync("pulumi", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** The current (or named) stack's export, by running `pulumi stack export`. */
export function exportOfStack(stack: string | undefined): unknown {
  const text = pulumi(["stack", "export", ...(stack ? ["--stack", stack] : [])]);
  if (text === undefined) {
    throw new UsageError(
      "`pulumi stack export` failed: run status in the Pulumi project, name the stack with --stack, or give --export FILE or --id",
    );
  }
  return JSON.parse(text);
}

/**
 * The settings source: the environment first (`VOX_API_KEY`, or the variable `--api-key-env` names, and
 * `VOX_BASE_URL`), then, for a stack, `pulumi config get vox:apiKey` / `vox:baseUrl` (which decrypts the
 * secret with the stack's secrets provider, e.g. PULUMI_CONFIG_PASSPHRASE). The key is never printed.
 */
export function statusSettingsSource(options: { apiKeyEnv: string; stack: string | undefined; useStack: boolean }): ConfigSource {
  const env: Record<string, string | undefined> = { "vox:apiKey": process.env[options.apiKeyEnv], "vox:baseUrl": process.env.VOX_BASE_URL };
  return {
    get(key) {
      if (env[key] || !options.useStack || !(key in env)) return env[key] || undefined;
      const value = pulumi(["config", "get", key, ...(options.stack ? ["--stack", options.stack] : [])]);
      return value?.trim() || undefined;
    },
  };
}
