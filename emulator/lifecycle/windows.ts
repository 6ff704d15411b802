import { CallTimeWindow, WEEKDAYS } from "../campaigns/model";
import { MS_PER_WEEK, wallClockAt } from "./timezone";

/** Whether the windows are open at an instant, and when that next changes. */
export interface WindowState {
  open: boolean;
  /** The first instant after the evaluated one at which `open` flips; Infinity when it never does. */
  changesAt: number;
}

/**
 * The union of a campaign's windows as open intervals of the local week, in ms since Monday 00:00.
 * Merging matters: Monday until 24:00 plus Tuesday from 00:00 is one open stretch, not a close and a reopen.
 */
class WeeklySchedule {
  /** Sorted, merged, half-open [start, end) intervals within [0, MS_PER_WEEK]. */
  private readonly intervals: Array<[number, number]>;
  /** The instants of the week at which the open state flips, sorted; empty when open all week. */
  private readonly flips: number[];

  constructor(timeWindow: CallTimeWindow) {
    const raw: Array<[number, number]> = [];
    for (const window of timeWindow.windows) {
      for (const day of window.days) {
        const dayStart = WEEKDAYS.indexOf(day) * 86_400_000;
        raw.push([dayStart + window.startMin * 60_000, dayStart + window.endMin * 60_000]);
      }
    }
    raw.sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const [start, end] of raw) {
      const last = merged[merged.length - 1];
      if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
      else merged.push([start, end]);
    }
    this.intervals = merged;
    const flips = new Set<number>();
    for (const [start, end] of merged) {
      // An interval ending at Sunday 24:00 and one starting at Monday 00:00 join across the week's end.
      for (const edge of [start % MS_PER_WEEK, end % MS_PER_WEEK]) {
        if (flips.has(edge)) flips.delete(edge);
        else flips.add(edge);
      }
    }
    this.flips = [...flips].sort((a, b) => a - b);
  }

  isOpenAt(msOfWeek: number): boolean {
    return this.intervals.some(([start, end]) => msOfWeek >= start && msOfWeek < end);
  }

  /** Wall-clock ms from `msOfWeek` to the next flip strictly after it, or null when none exists. */
  msToNextFlip(msOfWeek: number): number | null {
    if (this.flips.length === 0) return null;
    const next = this.flips.find((flip) => flip > msOfWeek) ?? this.flips[0] + MS_PER_WEEK;
    return next - msOfWeek;
  }
}

const schedules = new WeakMap<CallTimeWindow, WeeklySchedule>();

function scheduleFor(timeWindow: CallTimeWindow): WeeklySchedule {
  let schedule = schedules.get(timeWindow);
  if (schedule === undefined) {
    schedule = new WeeklySchedule(timeWindow);
    schedules.set(timeWindow, schedule);
  }
  return schedule;
}

/** The first instant in (from, to] whose UTC offset differs from the one at `from` (to has a different one). */
function firstInstantWithNewOffset(timeZone: string, from: number, to: number, offsetMs: number): number {
  let sameOffset = from;
  let newOffset = to;
  while (newOffset - sameOffset > 1) {
    const middle = Math.floor((sameOffset + newOffset) / 2);
    if (wallClockAt(timeZone, middle).offsetMs === offsetMs) sameOffset = middle;
    else newOffset = middle;
  }
  return newOffset;
}

/**
 * Whether the call windows are open at `at` (judged by the local wall clock of the window's time zone),
 * and the next instant that changes. Steps from wall-clock flip to flip, and across a DST change
 * re-reads the wall clock, so that a window starting inside a skipped hour opens when the hour ends.
 */
export function windowStateAt(timeWindow: CallTimeWindow, at: number): WindowState {
  const { timezone } = timeWindow;
  const schedule = scheduleFor(timeWindow);
  const open = schedule.isOpenAt(wallClockAt(timezone, at).msOfWeek);
  let cursor = at;
  // Each pass either finds the flip or crosses one offset change; zones change offset at most a few times a week.
  for (let pass = 0; pass < 16; pass++) {
    const wallClock = wallClockAt(timezone, cursor);
    const wallClockDistance = schedule.msToNextFlip(wallClock.msOfWeek);
    if (wallClockDistance === null) return { open, changesAt: Infinity };
    const candidate = cursor + wallClockDistance;
    if (wallClockAt(timezone, candidate).offsetMs === wallClock.offsetMs) return { open, changesAt: candidate };
    cursor = firstInstantWithNewOffset(timezone, cursor, candidate, wallClock.offsetMs);
    if (schedule.isOpenAt(wallClockAt(timezone, cursor).msOfWeek) !== open) return { open, changesAt: cursor };
  }
  throw new Error(`time zone ${timezone} changes offset too often to schedule windows`);
}
