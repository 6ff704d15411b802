import type { CampaignCallTimeWindow } from "../campaign/args";

/** Days in the API's spelling and in the canonical order state keeps them in. */
export const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
export type Day = (typeof DAYS)[number];

export const MINUTES_PER_DAY = 24 * 60;

/** The IANA zone windows are read in when none is given, and the API's own. */
export const DEFAULT_TIMEZONE = "Asia/Seoul";

/**
 * The window the API applies when a campaign has none (docs/vox-api.md: 08:00–20:00 every day). A PATCH
 * cannot remove a window, so removing it from a program sends this one.
 */
export const API_DEFAULT_CALL_TIME_WINDOW: CampaignCallTimeWindow = {
  windows: [{ days: [...DAYS], start: "08:00", end: "20:00" }],
  timezone: DEFAULT_TIMEZONE,
  autoResume: true,
};

/** Accepts `Monday`, `monday`, `MON` or `mon`; returns the API spelling or undefined. */
export function parseDay(value: string): Day | undefined {
  const lower = value.trim().toLowerCase();
  return DAYS.find((day) => day.toLowerCase() === lower || day.slice(0, 3).toLowerCase() === lower);
}

export function sortDays(days: Day[]): Day[] {
  return [...days].sort((a, b) => DAYS.indexOf(a) - DAYS.indexOf(b));
}

/** `"09:30"` → 570; `"24:00"` → 1440 (a window may end at midnight). Undefined when malformed. */
export function parseClock(value: string): number | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return undefined;
  return hours * 60 + minutes;
}

/** 570 → `"09:30"`. */
export function formatClock(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export function isValidMinuteOfDay(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= MINUTES_PER_DAY;
}

export function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A normalized window's times in minutes after midnight (its clock times were checked by the schema). */
export function windowMinutes(window: { start: string; end: string }): { startMin: number; endMin: number } {
  return { startMin: parseClock(window.start) ?? 0, endMin: parseClock(window.end) ?? 0 };
}
