/**
 * Call windows against a moment, as the command line reads them: whether one is open, when the next one
 * opens, and a moment as the campaign's own time zone reads it. A campaign without a window has the API's
 * default (08:00–20:00 every day, Korean time).
 */
import { API_DEFAULT_CALL_TIME_WINDOW, DAYS, windowMinutes } from "../provider/tooling";
import type { CampaignCallTimeWindow } from "../provider/tooling";

export interface NextWindow {
  /** When it opens (ISO-8601). */
  at: string;
  /** Day and time in the campaign's time zone, e.g. `Tue 09:00`. */
  local: string;
  timezone: string;
}

const MS_PER_MINUTE = 60_000;
const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** The window a campaign calls in: its own, or the API's default when it has none. */
export function effectiveWindow(callTimeWindow: CampaignCallTimeWindow | null | undefined): CampaignCallTimeWindow {
  return callTimeWindow ?? API_DEFAULT_CALL_TIME_WINDOW;
}

/** Whether one of the windows is open at `at` (unix ms). */
export function windowOpenAt(callTimeWindow: CampaignCallTimeWindow, at: number): boolean {
  const here = wallClock(callTimeWindow.timezone, at);
  const minuteOfDay = here.minuteOfWeek % MINUTES_PER_DAY;
  return callTimeWindow.windows.some((window) => {
    const { startMin, endMin } = windowMinutes(window);
    return window.days.includes(DAYS[here.dayIndex]) && minuteOfDay >= startMin && minuteOfDay < endMin;
  });
}

/** When the first window after `from` opens, in the window's time zone. */
export function nextWindowOpening(callTimeWindow: CampaignCallTimeWindow, from: number): NextWindow | null {
  const { timezone } = callTimeWindow;
  const here = wallClock(timezone, from);
  let best: number | undefined;
  for (const window of callTimeWindow.windows) {
    const { startMin } = windowMinutes(window);
    for (const day of window.days) {
      const opensAt = DAYS.indexOf(day as (typeof DAYS)[number]) * MINUTES_PER_DAY + startMin;
      const ahead = (opensAt - here.minuteOfWeek + MINUTES_PER_WEEK) % MINUTES_PER_WEEK || MINUTES_PER_WEEK;
      best = best === undefined ? ahead : Math.min(best, ahead);
    }
  }
  if (best === undefined) return null;
  // Whole minutes from the current minute; then corrected for a change of UTC offset (daylight saving) on the way.
  const naive = from - here.msIntoMinute + best * MS_PER_MINUTE;
  const at = naive + here.offsetMs - wallClock(timezone, naive).offsetMs;
  return { at: new Date(at).toISOString(), local: localDayTime(timezone, at), timezone };
}

/** `Tue 09:00`: the day and time `at` in `timeZone`. */
export function localDayTime(timeZone: string, at: number): string {
  const there = wallClock(timeZone, at);
  return `${DAYS[there.dayIndex].slice(0, 3)} ${there.clock}`;
}

/** `2026-12-01 09:00:05`: the date and time `at` in `timeZone`. */
export function localDateTime(timeZone: string, at: number): string {
  const there = wallClock(timeZone, at);
  return `${there.date} ${there.clock}:${there.second}`;
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
    minuteOfWeek: dayIndex * MINUTES_PER_DAY + hour * 60 + minute,
    msIntoMinute,
    clock: `${parts.hour}:${parts.minute}`,
    second: parts.second,
    date: `${parts.year}-${parts.month}-${parts.day}`,
    offsetMs: asUtc - Math.floor(at / 1000) * 1000,
  };
}
