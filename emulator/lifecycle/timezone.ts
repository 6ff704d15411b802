/** Reading local wall-clock time in an IANA time zone with nothing but Intl. */

const MS_PER_DAY = 86_400_000;
/** Milliseconds in a week; the unit of the weekly window schedule. */
export const MS_PER_WEEK = 7 * MS_PER_DAY;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The formatter for a zone; throws RangeError for a zone Intl does not know. Cached: construction is slow. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows the time zone name (IANA names, case-insensitively, and `UTC`). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Local wall-clock time at an instant. */
export interface WallClock {
  /** Milliseconds since local Monday 00:00. */
  msOfWeek: number;
  /** Local time minus UTC, in ms. */
  offsetMs: number;
}

/** The wall-clock time in `timeZone` at the unix-ms instant `at`. */
export function wallClockAt(timeZone: string, at: number): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const subSecondMs = ((at % 1000) + 1000) % 1000;
  const localMidnightAsUtc = Date.UTC(fields.year, fields.month - 1, fields.day);
  const localAsUtc = localMidnightAsUtc + ((fields.hour * 60 + fields.minute) * 60 + fields.second) * 1000 + subSecondMs;
  const mondayBasedDay = (new Date(localMidnightAsUtc).getUTCDay() + 6) % 7;
  return { msOfWeek: mondayBasedDay * MS_PER_DAY + (localAsUtc - localMidnightAsUtc), offsetMs: localAsUtc - at };
}
