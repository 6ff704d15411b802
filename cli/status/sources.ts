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
  /** Read by `vox.Campaign.get` (`external` in state): the stack never changes it. */
  readOnly?: boolean;
  /** The agent and creation time state recorded: they narrow the list request to this stack's campaigns. */
  agentId?: string;
  createdAt?: number;
}

interface ExportedResource {
  urn?: string;
  type?: string;
  id?: string;
  delete?: boolean;
  external?: boolean;
  outputs?: Record<string, unknown>;
}

function resourcesOf(exported: unknown): ExportedResource[] {
  const resources = (exported as { deployment?: { resources?: ExportedResource[] } })?.deployment?.resources;
  if (!Array.isArray(resources))
    throw new UsageError("the stack export has no deployment.resources: is it the output of `pulumi stack export`?");
  return resources;
}

/** The vox campaigns of a `pulumi stack export` document (those that still exist in state), in state order. */
export function campaignsOfExport(exported: unknown): CampaignRef[] {
  return resourcesOf(exported)
    .filter((r) => r.type === CAMPAIGN_TYPE && typeof r.id === "string" && r.id !== "" && !r.delete)
    .map((r) => {
      const createdAt = Date.parse(typeof r.outputs?.createdAt === "string" ? r.outputs.createdAt : "");
      return {
        label: (r.urn ?? r.id ?? "").split("::").pop() ?? r.id!,
        id: r.id!,
        readOnly: r.external === true,
        agentId: typeof r.outputs?.agentId === "string" ? r.outputs.agentId : undefined,
        createdAt: Number.isFinite(createdAt) ? createdAt : undefined,
      };
    });
}

/** The stack a `pulumi stack export` document belongs to (`urn:pulumi:<stack>::…`), if it has resources. */
export function stackOfExport(exported: unknown): string | undefined {
  const urn = resourcesOf(exported).find((r) => typeof r.urn === "string")?.urn;
  return urn?.split("::")[0].split(":")[2];
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

/** What `pulumi <args>` printed: its output, or, when it failed, the first line of its error. */
type PulumiResult = { ok: true; stdout: string } | { ok: false; error: string };

function pulumi(args: string[]): PulumiResult {
  try {
    return {
      ok: true,
      stdout: execFileSync("pulumi", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 }),
    };
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === "ENOENT") return { ok: false, error: "the pulumi command is not installed or not on PATH" };
    const said = String(failure.stderr ?? "")
      .split("\n")
      .map((line) => line.replace(/^error: /, "").trim())
      .find((line) => line !== "");
    return { ok: false, error: said ?? failure.message };
  }
}

/** The current (or named) stack's export, by running `pulumi stack export`. */
export function exportOfStack(stack: string | undefined): unknown {
  const result = pulumi(["stack", "export", ...(stack ? ["--stack", stack] : [])]);
  if (!result.ok) {
    throw new UsageError(
      `\`pulumi stack export\` failed: ${result.error}. Run status in the Pulumi project, name the stack with --stack, ` +
        "or give --export FILE or --id",
    );
  }
  return JSON.parse(result.stdout);
}

/** A settings source that can also say where the API key and URL it gave came from. */
export interface StatusSettingsSource extends ConfigSource {
  /** Where `vox:apiKey` came from, in words, for a refused key's message. */
  readonly apiKeySource: string;
  /** Where `vox:baseUrl` came from, in words. */
  readonly baseUrlSource: string;
}

/**
 * The settings source: the environment first (`VOX_API_KEY`, or the variable `--api-key-env` names, and
 * `VOX_BASE_URL`), then, for a stack, `pulumi config get vox:apiKey` / `vox:baseUrl` (which decrypts the
 * secret with the stack's secrets provider, e.g. PULUMI_CONFIG_PASSPHRASE). The key is never printed.
 *
 * @throws Error when `pulumi config get` fails for another reason than an unset key (say, no passphrase
 * to decrypt it): that reason is the one the user must fix, not the key.
 */
export function statusSettingsSource(options: { apiKeyEnv: string; stack: string | undefined; useStack: boolean }): StatusSettingsSource {
  const env: Record<string, string | undefined> = { "vox:apiKey": process.env[options.apiKeyEnv], "vox:baseUrl": process.env.VOX_BASE_URL };
  const sources: Record<string, string> = {};
  const stackName = options.stack ? `stack ${options.stack}` : "the current stack";
  return {
    get apiKeySource() {
      return sources["vox:apiKey"] ?? `none: set ${options.apiKeyEnv}, or \`pulumi config set --secret vox:apiKey <key>\` in the stack`;
    },
    get baseUrlSource() {
      return sources["vox:baseUrl"] ?? "the default: neither VOX_BASE_URL nor the stack config vox:baseUrl is set";
    },
    get(key) {
      if (env[key]) {
        const variable = key === "vox:apiKey" ? options.apiKeyEnv : "VOX_BASE_URL";
        sources[key] = `the ${variable} environment variable (status reads it before the stack config)`;
        return env[key];
      }
      if (!options.useStack || !(key in env)) return undefined;
      const result = pulumi(["config", "get", key, ...(options.stack ? ["--stack", options.stack] : [])]);
      if (!result.ok) {
        if (/not found/i.test(result.error)) return undefined;
        throw new Error(`\`pulumi config get ${key}\` failed for ${stackName}: ${result.error}`);
      }
      sources[key] = `the config ${key} of ${stackName}`;
      return result.stdout.trim() || undefined;
    },
  };
}
