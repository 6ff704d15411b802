/**
 * `pulumi-vox status`: the live status of a stack's campaigns (or of `--id`s), read through the list
 * endpoint (one request per 500 campaigns a round) with the provider's HTTP client (its timeouts,
 * retries and rate limiting).
 */
import { parseArgs } from "util";
import logUpdate = require("log-update");
import { CampaignApi, DEFAULT_TIMEZONE, VoxHttpClient, resolveSettings } from "../../provider/tooling";
import type { Clock } from "../../provider/tooling";
import { localDateTime } from "../call-windows";
import type { Output } from "../output";
import { EXIT, UsageError } from "../usage";
import { CampaignStatus, Sample, allSettled, campaignStatus, recentSamples } from "./progress";
import { CampaignReader } from "./reading";
import { renderStatus } from "./render";
import { CampaignRef, campaignsOfExport, exportOfStack, readExportFile, stackOfExport, statusSettingsSource } from "./sources";

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
  let stack: string | undefined;
  let campaigns: CampaignRef[];
  if (values.id) {
    campaigns = values.id.map((id) => ({ id }));
  } else {
    const exported = values.export ? readExportFile(values.export) : exportOfStack(values.stack);
    stack = values.stack ?? stackOfExport(exported);
    // By resource name: the same order every round and every run, whatever order state keeps.
    campaigns = campaignsOfExport(exported).sort((a, b) => a.label!.localeCompare(b.label!) || a.id.localeCompare(b.id));
  }
  if (campaigns.length === 0) {
    screen.output.err("pulumi-vox status: the stack has no vox.Campaign resources");
    return EXIT.ok;
  }
  const source = statusSettingsSource({ apiKeyEnv: values["api-key-env"] ?? "VOX_API_KEY", stack: values.stack, useStack: fromStack });
  // Only this source decides, so that a refused key's message names the place status really took it from.
  const settings = { ...resolveSettings(source, {}), apiKeySource: source.apiKeySource };
  const reader = new CampaignReader(new CampaignApi(new VoxHttpClient(settings, screen.clock)), campaigns);
  const colour = screen.tty && !values.json && !process.env.NO_COLOR;
  const redraw = screen.tty && !values.json && values.watch;
  const history = new Map<string, Sample[]>();
  const ids = campaigns.map((ref) => ref.id);
  for (;;) {
    const read = await reader.read(ids);
    const at = screen.clock.now();
    const lines: CampaignStatus[] = campaigns.map((ref) => {
      const sample = { campaign: read.get(ref.id)!, readAt: at };
      const earlier = history.get(ref.id) ?? [];
      history.set(ref.id, recentSamples([...earlier, sample], at));
      return campaignStatus({ label: ref.label ?? sample.campaign.name, readOnly: ref.readOnly }, sample, earlier);
    });
    const header = { stack, at, intervalSeconds: values.watch ? intervalMs / 1000 : undefined };
    if (values.json) {
      screen.output.out(JSON.stringify({ stack: stack ?? null, at: new Date(at).toISOString(), campaigns: lines }));
    } else {
      const text = `${headerLine(header)}\n${renderStatus(lines, colour)}`;
      if (redraw) logUpdate(text);
      else screen.output.out(values.watch ? `${text}\n` : text);
    }
    if (!values.watch || allSettled(lines)) break;
    await screen.clock.sleep(intervalMs);
  }
  if (redraw) logUpdate.done();
  return EXIT.ok;
}

/** `stack dev · 2026-11-30 12:30:05 Asia/Seoul · every 5 s`: what, when (Korean time, as the windows) and how often. */
export function headerLine(header: { stack?: string; at: number; intervalSeconds?: number }): string {
  return [
    header.stack ? `stack ${header.stack}` : "campaigns by id",
    `${localDateTime(DEFAULT_TIMEZONE, header.at)} ${DEFAULT_TIMEZONE}`,
    ...(header.intervalSeconds === undefined ? [] : [`every ${header.intervalSeconds} s`]),
  ].join(" · ");
}

function parseInterval(value: string | undefined): number {
  if (value === undefined) return DEFAULT_INTERVAL_SECONDS;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0.1 || seconds > 3600)
    throw new UsageError(`--interval must be a number of seconds from 0.1 to 3600, not "${value}"`);
  return seconds;
}
