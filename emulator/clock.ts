import { performance } from 'node:perf_hooks';

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

  /** The current emulated time, in whole unix milliseconds. */
  now(): number {
    return Math.floor(this.anchorEmulatedMs + (this.realNow() - this.anchorRealMs) * this.speed);
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
