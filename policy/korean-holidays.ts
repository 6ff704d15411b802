/**
 * Korean public holidays from @hyunbinseo/holidays-kr: one table per year taken from the official
 * calendar (월력요항) as published in the gazette, substitute holidays, election days and temporary holidays
 * included, which rule-based calculators miss. It covers only the years published so far: a date past
 * them is "unknown", and the rule says to update the package.
 */

/** The package's tables, `y2026` → `{ "2026-01-01": ["1월 1일"], … }` (ESM, loaded with Node's require). */
const tables = require("@hyunbinseo/holidays-kr/all") as Record<string, Record<string, ReadonlyArray<string>>>;

const HOLIDAYS = new Map<string, ReadonlyArray<string>>();
const YEARS = new Set<number>();
for (const [name, table] of Object.entries(tables)) {
  YEARS.add(Number(name.slice(1)));
  for (const [date, names] of Object.entries(table)) HOLIDAYS.set(date, names);
}

export type HolidayLookup = { known: true; names: ReadonlyArray<string> } | { known: false };

/** The holidays on a `YYYY-MM-DD` date in Korea (none: an empty list), or unknown when the year is not covered. */
export function koreanHolidays(date: string): HolidayLookup {
  if (!YEARS.has(Number(date.slice(0, 4)))) return { known: false };
  return { known: true, names: HOLIDAYS.get(date) ?? [] };
}

/** The last year the installed tables cover. */
export function lastCoveredYear(): number {
  return Math.max(...YEARS);
}
