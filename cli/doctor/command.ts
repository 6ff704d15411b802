/**
 * `pulumi-vox doctor`: for the first minute of a new setup and for CI, checks in one request (two with
 * `--agent`) that the API URL answers, that it accepts the key, which organization the key belongs to
 * and whether that organization has used the agent. One line per check: what, OK or not, what to do.
 */
import * as fs from "fs";
import { parseArgs } from "util";
import { CampaignApi, VoxHttpClient, errorCodeIn, resolveSettings } from "../../provider/tooling";
import type { Clock } from "../../provider/tooling";
import type { Output } from "../output";
import { EXIT, UsageError } from "../usage";
import { StatusSettingsSource, statusSettingsSource } from "../status/sources";

/** A doctor waits this long for an answer, and does not retry: a setup that needs more is worth a line. */
const TIMEOUT_MS = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Verdict = "ok" | "failed" | "warning" | "skipped";
const MARKS: Record<Verdict, string> = { ok: "✓", failed: "✗", warning: "!", skipped: "-" };

interface Check {
  what: string;
  verdict: Verdict;
  text: string;
}

/** Runs `doctor` with its arguments (after the word `doctor`); resolves to the exit code: 1 when a check failed. */
export async function doctorCommand(args: string[], output: Output, clock: Clock): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        stack: { type: "string" },
        agent: { type: "string" },
        organization: { type: "string" },
        "api-key-env": { type: "string" },
      },
    }));
    if (values.agent !== undefined && !UUID.test(values.agent))
      throw new UsageError(`--agent must be the agent's UUID, not "${values.agent}"`);
  } catch (error) {
    output.err(`pulumi-vox doctor: ${(error as Error).message}`);
    return EXIT.usage;
  }
  const useStack = values.stack !== undefined || fs.existsSync("Pulumi.yaml");
  output.out(
    `pulumi-vox doctor: the vox.ai settings ${useStack ? `of ${values.stack ? `stack ${values.stack}` : "the current stack"} and ` : ""}of the environment`,
  );
  const source = statusSettingsSource({ apiKeyEnv: values["api-key-env"] ?? "VOX_API_KEY", stack: values.stack, useStack });
  const checks = await runChecks(source, values, clock);
  for (const check of checks) output.out(`  ${MARKS[check.verdict]} ${check.what.padEnd(13)}${check.text}`);
  const failed = checks.filter((check) => check.verdict === "failed").length;
  output.out(failed === 0 ? "All checks passed." : `${failed} ${failed === 1 ? "check" : "checks"} failed: see ✗ above.`);
  return failed === 0 ? EXIT.ok : EXIT.invalid;
}

async function runChecks(source: StatusSettingsSource, options: { agent?: string; organization?: string }, clock: Clock): Promise<Check[]> {
  let api: CampaignApi;
  let origin: string;
  try {
    const settings = resolveSettings(source, {});
    if (!settings.apiKey) {
      return [
        { what: "URL", verdict: "skipped", text: `${settings.baseUrl.origin} (from ${source.baseUrlSource}): not asked without a key` },
        { what: "API key", verdict: "failed", text: `${source.apiKeySource}` },
      ];
    }
    origin = settings.baseUrl.origin;
    api = new CampaignApi(
      new VoxHttpClient({ ...settings, apiKeySource: source.apiKeySource, timeoutMs: TIMEOUT_MS, retryBudgetMs: 0 }, clock),
    );
  } catch (error) {
    return [{ what: "Settings", verdict: "failed", text: (error as Error).message }];
  }
  const url = `${origin} (from ${source.baseUrlSource})`;
  let newest;
  try {
    newest = await api.listPage({}, 1);
  } catch (error) {
    const message = (error as Error).message;
    if (errorCodeIn(message) === "SETTINGS" && message.includes("(401 ")) {
      return [
        { what: "URL", verdict: "ok", text: `${url} answered` },
        { what: "API key", verdict: "failed", text: `refused (401): the key came from ${source.apiKeySource}. Set a valid key there.` },
      ];
    }
    return [
      {
        what: "URL",
        verdict: "failed",
        text: `${url}: ${message}. Check VOX_BASE_URL or \`pulumi config set vox:baseUrl <url>\`; for a local try, \`npx vox-emulator\` prints its URL.`,
      },
    ];
  }
  const checks: Check[] = [
    { what: "URL", verdict: "ok", text: `${url} answered` },
    { what: "API key", verdict: "ok", text: `accepted (from ${source.apiKeySource})` },
    organizationCheck(newest.campaigns[0]?.organizationId ?? null, options.organization),
  ];
  checks.push(
    options.agent === undefined
      ? { what: "Agent", verdict: "skipped", text: "not checked: give --agent <UUID>" }
      : await agentCheck(api, options.agent),
  );
  return checks;
}

function organizationCheck(seen: string | null, expected: string | undefined): Check {
  if (seen === null) {
    return {
      what: "Organization",
      verdict: expected === undefined ? "warning" : "failed",
      text: "unknown: the key sees no campaign yet, and only a campaign names its organization",
    };
  }
  if (expected !== undefined && seen !== expected) {
    return { what: "Organization", verdict: "failed", text: `${seen}, not ${expected}: this key belongs to another organization` };
  }
  return { what: "Organization", verdict: "ok", text: `${seen} (from the newest campaign the key sees)` };
}

async function agentCheck(api: CampaignApi, agent: string): Promise<Check> {
  let used: boolean;
  try {
    used = (await api.listPage({ agent_id: [agent] }, 1)).campaigns.length > 0;
  } catch (error) {
    return { what: "Agent", verdict: "failed", text: `${agent}: the request failed: ${(error as Error).message}` };
  }
  return used
    ? { what: "Agent", verdict: "ok", text: `${agent}: this organization's campaigns use it` }
    : {
        what: "Agent",
        verdict: "warning",
        text: `${agent}: no campaign of this organization uses it yet. The API cannot look an agent up: check the UUID in the vox.ai dashboard.`,
      };
}
