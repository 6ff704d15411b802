/**
 * Time as an input. Everything in the provider and the command line that needs "now" or waits takes a
 * `Clock` from outside, so that tests drive time and no result depends on the machine's calendar date.
 * Production code passes `systemClock`, built here and nowhere else.
 */
export interface Clock {
  /** The current time, in unix milliseconds. */
  now(): number;
  /** Resolves after `ms` milliseconds of this clock's time. */
  sleep(ms: number): Promise<void>;
}

/** The machine's clock and timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
