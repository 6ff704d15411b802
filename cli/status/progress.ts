/**
 * What `pulumi-vox status` shows of one campaign, worked out from its API answers: progress, calls in
 * progress, calls per minute (a moving average), the time left, when a waiting campaign starts and when
 * a paused one's window opens.
 */
import { isTerminalStatus } from "../../provider/tooling";
import type { CampaignDescription } from "../../provider/tooling";
import { NextWindow, effectiveWindow, localDateTime, localDayTime, nextWindowOpening, windowOpenAt } from "../call-windows";

/** A campaign's answer and when it was read (the status command's clock, ms). */
export interface Sample {
  campaign: CampaignDescription;
  readAt: number;
}

/** One campaign's line, in the shape `--json` prints. */
export interface CampaignStatus {
  /** The resource name in the stack, or the campaign's name when given by `--id`. */
  label: string;
  id: string;
  name: string;
  status: string;
  pausedBy: string | null;
  /** Read by `vox.Campaign.get`: the stack reads it and never changes it. */
  readOnly: boolean;
  total: number;
  completed: number;
  failed: number;
  /** Calls in progress now. */
  active: number;
  remaining: number;
  /** Calls ended per minute over the last minute of rounds (since the start on the first round); null when not running or unknown. */
  callsPerMinute: number | null;
  /** Estimated seconds until every call is placed and ended, at that rate; null when not running or unknown. */
  secondsLeft: number | null;
  /** For a draft or a pending campaign outside its windows: when it starts. */
  startsAt: NextWindow | null;
  /** When paused by the system (outside its windows): when the next window opens. */
  nextWindow: NextWindow | null;
  /** Finished, or paused by a user: nothing changes until someone acts. `--watch` ends when every line is settled. */
  settled: boolean;
}

/** What the rate averages over: long enough to smooth one-minute calls, short enough to follow a pause. */
export const MOVING_AVERAGE_MS = 60_000;
const MS_PER_MINUTE = 60_000;
const DAYS_SHOWN_AS_WEEKDAY = 6;

/** Calls that ended (completed or failed). */
const ended = (c: CampaignDescription) => c.completedCalls + c.failedCalls;

/**
 * The line for `current`, given the earlier samples of the same campaign, oldest first (none on the
 * first round: the rate is then the average since the campaign started).
 */
export function campaignStatus(
  ref: { label: string; readOnly?: boolean },
  current: Sample,
  earlier: readonly Sample[] = [],
): CampaignStatus {
  const c = current.campaign;
  const remaining = Math.max(0, c.totalCalls - ended(c));
  const running = c.status === "ongoing";
  // Only a running campaign has a pace: a cancel counts every unplaced call as failed at once.
  const rate = running ? callsPerMinute(current, earlier) : null;
  return {
    label: ref.label,
    id: c.id,
    name: c.name,
    status: c.status,
    pausedBy: c.pausedBy,
    readOnly: ref.readOnly ?? false,
    total: c.totalCalls,
    completed: c.completedCalls,
    failed: c.failedCalls,
    active: c.activeConcurrency,
    remaining,
    callsPerMinute: rate === null ? null : round(rate, 1),
    secondsLeft: rate !== null && rate > 0 ? Math.round((remaining / rate) * 60) : null,
    startsAt: startOf(current),
    nextWindow:
      c.status === "paused" && c.pausedBy === "system" && c.callTimeWindow
        ? nextWindowOpening(c.callTimeWindow, windowClock(current))
        : null,
    settled: isTerminalStatus(c.status) || (c.status === "paused" && c.pausedBy === "user"),
  };
}

/** The samples worth keeping for the next round's moving average: those inside its span, and the one before. */
export function recentSamples(samples: readonly Sample[], now: number): Sample[] {
  const inside = samples.findIndex((sample) => sample.readAt >= now - MOVING_AVERAGE_MS);
  return inside === -1 ? samples.slice(-1) : samples.slice(Math.max(0, inside - 1));
}

/** Whether every campaign is settled (finished, or paused by a user): `--watch` stops then. */
export function allSettled(lines: ReadonlyArray<Pick<CampaignStatus, "settled">>): boolean {
  return lines.every((line) => line.settled);
}

function callsPerMinute(current: Sample, earlier: readonly Sample[]): number | null {
  if (earlier.length > 0) {
    // The oldest sample inside the span; the newest one when every round is further apart than that.
    const from = earlier.find((sample) => sample.readAt >= current.readAt - MOVING_AVERAGE_MS) ?? earlier[earlier.length - 1];
    const minutes = (current.readAt - from.readAt) / MS_PER_MINUTE;
    return minutes > 0 ? Math.max(0, ended(current.campaign) - ended(from.campaign)) / minutes : null;
  }
  const c = current.campaign;
  const started = Date.parse(c.scheduledAt ?? c.createdAt ?? "");
  const until = c.finishedAt ? Date.parse(c.finishedAt) : current.readAt;
  const minutes = (until - started) / MS_PER_MINUTE;
  return Number.isFinite(minutes) && minutes > 0 ? ended(c) / minutes : null;
}

/**
 * When a campaign that has not started will: a draft at its `scheduledAt`, a pending one when its window
 * opens (null when one is open: it starts at once).
 */
function startOf(sample: Sample): NextWindow | null {
  const c = sample.campaign;
  const window = effectiveWindow(c.callTimeWindow);
  const scheduled = Date.parse(c.scheduledAt ?? "");
  if (c.status === "draft" && Number.isFinite(scheduled)) {
    const soon = scheduled - sample.readAt < DAYS_SHOWN_AS_WEEKDAY * 24 * 3_600_000;
    const local = soon ? localDayTime(window.timezone, scheduled) : localDateTime(window.timezone, scheduled).slice(0, 16);
    return { at: new Date(scheduled).toISOString(), local, timezone: window.timezone };
  }
  if (c.status === "pending" && !windowOpenAt(window, sample.readAt)) return nextWindowOpening(window, sample.readAt);
  return null;
}

/**
 * "Now" for the next window: the local clock, or the time the campaign was paused when that is later
 * (an API whose clock runs ahead, such as the emulator moved forward).
 */
function windowClock(sample: Sample): number {
  const pausedAt = Date.parse(sample.campaign.pausedAt ?? "");
  return Number.isFinite(pausedAt) ? Math.max(sample.readAt, pausedAt) : sample.readAt;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
