/** Days in the API's spelling and in the canonical order state keeps them in. */
export const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
export type Day = (typeof DAYS)[number];

const MINUTES_PER_DAY = 24 * 60;

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
