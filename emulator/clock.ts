import { performance } from "node:perf_hooks";

/**
 * The latest emulated time, 9999-12-31T23:59:59.999Z: every timestamp up to it is a valid Date with a
 * four-digit-year ISO-8601 form. Beyond 8.64e15 ms a Date is invalid and every v2 timestamp would throw.
 */
export const LATEST_CLOCK_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Whether `ms` is a time the clock can show: whole unix milliseconds from 0 to LATEST_CLOCK_MS. */
export function isClockTime(ms: unknown): ms is number {
  return typeof ms === "number" && Number.isSafeInteger(ms) && ms >= 0 && ms <= LATEST_CLOCK_MS;
}

/**
 * The emulated time: real elapsed time multiplied by a speed factor, which tests can also move by hand.
 * Speed 0 freezes it, so that only `advance` and `set` move it.
 */
export class Clock {
  private anchorEmulatedMs: number;
  private anchorRealMs: number;

  /**
   * @param startMs the emulated time (unix ms) at construction
   * @param speed emulated milliseconds per real millisecond (0 freezes the clock)
   * @param realNow a monotonic real-time source in ms; replaceable for unit tests
   */
  constructor(
    startMs: number,
    readonly speed: number,
    private readonly realNow: () => number = () => performance.now(),
  ) {
    if (!Number.isFinite(speed) || speed < 0) throw new RangeError(`speed must be a finite number >= 0, got ${speed}`);
    this.anchorEmulatedMs = startMs;
    this.anchorRealMs = realNow();
  }

  /** The current emulated time, in whole unix milliseconds; a fast clock stops at LATEST_CLOCK_MS. */
  now(): number {
    return Math.min(LATEST_CLOCK_MS, Math.floor(this.anchorEmulatedMs + (this.realNow() - this.anchorRealMs) * this.speed));
  }

  /** Moves the clock forward by `ms` and returns the new time. */
  advance(ms: number): number {
    this.anchorEmulatedMs += ms;
    return this.now();
  }

  /** Sets the clock to `ms` (unix milliseconds); it keeps running from there at its speed. */
  set(ms: number): number {
    this.anchorEmulatedMs = ms;
    this.anchorRealMs = this.realNow();
    return this.now();
  }
}
