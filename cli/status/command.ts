/**
 * `pulumi-vox status`: the live status of a stack's campaigns (or of `--id`s), one GET per campaign per
 * round through the provider's HTTP client (its timeouts, retries and rate limiting).
 */
import { parseArgs } from "util";
import logUpdate = require("log-update");
import { CampaignApi, VoxHttpClient, resolveSettings } from "../../provider/tooling";
import type { Clock } from "../../provider/tooling";
import type { Output } from "../output";
import { EXIT, UsageError } from "../usage";
import { CampaignStatus, Sample, allFinished, campaignStatus } from "./progress";
import { renderStatus } from "./render";
import { CampaignRef, campaignsOfExport, exportOfStack, readExportFile, statusSettingsSource } from "./sources";

const DEFAULT_INTERVAL_SECONDS = 5;

/**
 * Where status writes: lines to `output`; on a terminal (`tty`) one screen redrawn in place, with colour.
 * `clock` is "now" for rates and next windows, and times the rounds of `--watch`.
 */
export interface StatusScreen {
  output: Output;
  tty: boolean;
  clock: Clock;
}

/** The process's stdout: a terminal gets colour and redraws, a pipe or file plain lines. */
export function processScreen(output: Output, clock: Clock): StatusScreen {
  return { output, tty: Boolean(process.stdout.isTTY), clock };
}

/** Runs `status` with its arguments (after the word `status`); resolves to the exit code. */
export async function statusCommand(args: string[], screen: StatusScreen): Promise<number> {
  try {
    return await run(args, screen);
  } catch (error) {
    screen.output.err(`pulumi-vox status: ${(error as Error).message}`);
    return error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS") ? EXIT.usage : EXIT.invalid;
  }
}

async function run(args: string[], screen: StatusScreen): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      id: { type: "string", multiple: true },
      export: { type: "string" },
      stack: { type: "string" },
      watch: { type: "boolean", short: "w" },
      interval: { type: "string" },
      json: { type: "boolean" },
      "api-key-env": { type: "string" },
    },
  });
  const intervalMs = 1000 * parseInterval(values.interval);
  const fromStack = !values.id && !values.export;
  const campaigns: CampaignRef[] = values.id
    ? values.id.map((id) => ({ id }))
    : campaignsOfExport(values.export ? readExportFile(values.export) : exportOfStack(values.stack));
  if (campaigns.length === 0) {
    screen.output.err("pulumi-vox status: the stack has no vox.Campaign resources");
    return EXIT.ok;
  }
  const settings = resolveSettings(
    statusSettingsSource({ apiKeyEnv: values["api-key-env"] ?? "VOX_API_KEY", stack: values.stack, useStack: fromStack }),
  );
  const api = new CampaignApi(new VoxHttpClient(settings, screen.clock));
  const colour = screen.tty && !values.json && !process.env.NO_COLOR;
  const redraw = screen.tty && !values.json && values.watch;
  let previous = new Map<string, Sample>();
  for (;;) {
    const samples = await Promise.all(
      campaigns.map(async (ref) => ({ ref, sample: { campaign: await api.get(ref.id), readAt: screen.clock.now() } })),
    );
    const lines: CampaignStatus[] = samples.map(({ ref, sample }) =>
      campaignStatus(ref.label ?? sample.campaign.name, sample, previous.get(ref.id)),
    );
    previous = new Map(samples.map(({ ref, sample }) => [ref.id, sample]));
    const text = values.json ? JSON.stringify({ campaigns: lines }) : renderStatus(lines, colour);
    if (redraw) logUpdate(text);
    else screen.output.out(values.watch && !values.json ? `${text}\n` : text);
    if (!values.watch || allFinished(lines)) break;
    await screen.clock.sleep(intervalMs);
  }
  if (redraw) logUpdate.done();
  return EXIT.ok;
}

function parseInterval(value: string | undefined): number {
  if (value === undefined) return DEFAULT_INTERVAL_SECONDS;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0.1 || seconds > 3600)
    throw new UsageError(`--interval must be a number of seconds from 0.1 to 3600, not "${value}"`);
  return seconds;
}
