/**
 * What `pulumi-vox status` shows of one campaign, worked out from its API answer and the answer of the
 * previous round: progress, calls per minute, the time left, and when a paused campaign's window opens.
 */
import { DAYS, isTerminalStatus, windowMinutes } from "../../provider/tooling";
import type { CampaignCallTimeWindow, CampaignDescription } from "../../provider/tooling";

/** A campaign's answer and when it was read (local clock, ms). */
export interface Sample {
  campaign: CampaignDescription;
  readAt: number;
}

export interface NextWindow {
  /** When it opens (ISO-8601). */
  at: string;
  /** Day and time in the campaign's time zone, e.g. `Tue 09:00`. */
  local: string;
  timezone: string;
}

/** One campaign's line, in the shape `--json` prints. */
export interface CampaignStatus {
  /** The resource name in the stack, or the campaign's name when given by `--id`. */
  label: string;
  id: string;
  name: string;
  status: string;
  pausedBy: string | null;
  total: number;
  completed: number;
  failed: number;
  active: number;
  remaining: number;
  /** Calls per minute over the last interval (between two rounds), or since the start on the first round; null when unknown. */
  callsPerMinute: number | null;
  /** Estimated seconds until every call is placed and ended, at that rate; null when not running or unknown. */
  secondsLeft: number | null;
  /** When paused by the system (outside its windows): when the next window opens. */
  nextWindow: NextWindow | null;
}

const MS_PER_MINUTE = 60_000;
const MINUTES_PER_WEEK = 7 * 24 * 60;

/** Calls that ended (completed or failed). */
const ended = (c: CampaignDescription) => c.completedCalls + c.failedCalls;

/**
 * The line for `current`, given the previous round's sample of the same campaign (none on the first
 * round: the rate is then the average since the campaign started).
 */
export function campaignStatus(label: string, current: Sample, previous?: Sample): CampaignStatus {
  const c = current.campaign;
  const remaining = Math.max(0, c.totalCalls - ended(c));
  const rate = callsPerMinute(current, previous);
  const running = c.status === "ongoing";
  return {
    label,
    id: c.id,
    name: c.name,
    status: c.status,
    pausedBy: c.pausedBy,
    total: c.totalCalls,
    completed: c.completedCalls,
    failed: c.failedCalls,
    active: c.activeConcurrency,
    remaining,
    callsPerMinute: rate === null ? null : round(rate, 1),
    secondsLeft: running && rate !== null && rate > 0 ? Math.round((remaining / rate) * 60) : null,
    nextWindow:
      c.status === "paused" && c.pausedBy === "system" && c.callTimeWindow
        ? nextWindowOpening(c.callTimeWindow, windowClock(current))
        : null,
  };
}

/** Whether every campaign has finished (success, fail or canceled): `--watch` stops then. */
export function allFinished(lines: ReadonlyArray<Pick<CampaignStatus, "status">>): boolean {
  return lines.every((line) => isTerminalStatus(line.status));
}

function callsPerMinute(current: Sample, previous: Sample | undefined): number | null {
  if (previous) {
    const minutes = (current.readAt - previous.readAt) / MS_PER_MINUTE;
    return minutes > 0 ? Math.max(0, ended(current.campaign) - ended(previous.campaign)) / minutes : null;
  }
  const c = current.campaign;
  const started = Date.parse(c.scheduledAt ?? c.createdAt ?? "");
  const until = c.finishedAt ? Date.parse(c.finishedAt) : current.readAt;
  const minutes = (until - started) / MS_PER_MINUTE;
  return Number.isFinite(minutes) && minutes > 0 ? ended(c) / minutes : null;
}

/**
 * "Now" for the next window: the local clock, or the time the campaign was paused when that is later
 * (an API whose clock runs ahead, such as the emulator moved forward).
 */
function windowClock(sample: Sample): number {
  const pausedAt = Date.parse(sample.campaign.pausedAt ?? "");
  return Number.isFinite(pausedAt) ? Math.max(sample.readAt, pausedAt) : sample.readAt;
}

/** When the first window after `from` opens, in the window's time zone. */
export function nextWindowOpening(callTimeWindow: CampaignCallTimeWindow, from: number): NextWindow | null {
  const { timezone } = callTimeWindow;
  const here = wallClock(timezone, from);
  let best: number | undefined;
  for (const window of callTimeWindow.windows) {
    const { startMin } = windowMinutes(window);
    for (const day of window.days) {
      const opensAt = DAYS.indexOf(day as (typeof DAYS)[number]) * 1440 + startMin;
      const ahead = (opensAt - here.minuteOfWeek + MINUTES_PER_WEEK) % MINUTES_PER_WEEK || MINUTES_PER_WEEK;
      best = best === undefined ? ahead : Math.min(best, ahead);
    }
  }
  if (best === undefined) return null;
  // Whole minutes from the current minute; then corrected for a change of UTC offset (daylight saving) on the way.
  const naive = from - here.msIntoMinute + best * MS_PER_MINUTE;
  const at = naive + here.offsetMs - wallClock(timezone, naive).offsetMs;
  const there = wallClock(timezone, at);
  return { at: new Date(at).toISOString(), local: `${DAYS[there.dayIndex].slice(0, 3)} ${there.clock}`, timezone };
}

function wallClock(timeZone: string, at: number) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      weekday: "long",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value]),
  );
  const dayIndex = DAYS.indexOf(parts.weekday as (typeof DAYS)[number]);
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), hour, minute, Number(parts.second));
  const msIntoMinute = at - Math.floor(at / 1000) * 1000 + Number(parts.second) * 1000;
  return {
    dayIndex,
    minuteOfWeek: dayIndex * 1440 + hour * 60 + minute,
    msIntoMinute,
    clock: `${parts.hour}:${parts.minute}`,
    offsetMs: asUtc - Math.floor(at / 1000) * 1000,
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
