import type { CampaignCallTimeWindow, CampaignWindow } from "../campaign/args";
import { DAYS, DEFAULT_TIMEZONE, MINUTES_PER_DAY, windowMinutes } from "./window";

/** What the API does without a call time window. */
const API_DEFAULT_WINDOW = "every day 08:00–20:00 (the API's default)";

/** 21:00–08:00 in Korea: advertising calls then need the callee's separate prior consent (정보통신망법 제50조). */
const NIGHT_ENDS_MIN = 8 * 60;
const NIGHT_STARTS_MIN = 21 * 60;
const KOREA_TIME_ZONE = DEFAULT_TIMEZONE;

/** `["Monday", …, "Friday"]` → `Mon–Fri`; `["Monday", "Wednesday", "Thursday"]` → `Mon, Wed, Thu`; runs of three or more days as ranges. */
export function formatDays(days: ReadonlyArray<string>): string {
  const indexes = days.map((day) => DAYS.indexOf(day as (typeof DAYS)[number])).sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const index of indexes) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === index - 1) run.push(index);
    else runs.push([index]);
  }
  const short = (index: number) => DAYS[index].slice(0, 3);
  return runs.flatMap((run) => (run.length >= 3 ? [`${short(run[0])}–${short(run[run.length - 1])}`] : run.map(short))).join(", ");
}

/** `Mon–Fri 09:00–12:00`. */
export function formatWindow(window: CampaignWindow): string {
  return `${formatDays(window.days)} ${window.start}–${window.end}`;
}

/** All windows and the time zone: `Mon–Fri 09:00–12:00, Sat 10:00–12:00 (Asia/Seoul)`; the API default when there is none. */
export function describeCallTimeWindow(callTimeWindow: CampaignCallTimeWindow | null | undefined): string {
  if (!callTimeWindow) return API_DEFAULT_WINDOW;
  return `${callTimeWindow.windows.map(formatWindow).join(", ")} (${callTimeWindow.timezone})`;
}

/**
 * The windows that reach into 21:00–08:00 Korean time. Windows in another time zone are moved to
 * Korean time with that zone's offset at `now` (unix ms, the caller's clock; Korea keeps no daylight saving time).
 */
export function nightWindows(callTimeWindow: CampaignCallTimeWindow | null | undefined, now: number): CampaignWindow[] {
  if (!callTimeWindow) return [];
  const at = new Date(now);
  const shift = utcOffsetMinutes(KOREA_TIME_ZONE, at) - utcOffsetMinutes(callTimeWindow.timezone, at);
  return callTimeWindow.windows.filter((window) => {
    const { startMin, endMin } = windowMinutes(window);
    const start = (((startMin + shift) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
    const end = start + (endMin - startMin);
    return start < NIGHT_ENDS_MIN || end > NIGHT_STARTS_MIN;
  });
}

/** The warning for one night window: what it is, and why it matters. */
export function nightWarning(window: CampaignWindow, timezone: string): string {
  const zone = timezone === KOREA_TIME_ZONE ? "" : ` ${timezone}`;
  return (
    `${formatWindow(window)}${zone} reaches into 21:00–08:00 Korean time: advertising calls at night need each ` +
    "callee's separate prior consent (정보통신망법 제50조); end the window by 21:00 unless that consent exists"
  );
}

function utcOffsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(at);
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(parts.find((part) => part.type === "timeZoneName")?.value ?? "");
  // "GMT" alone is UTC itself.
  return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}
