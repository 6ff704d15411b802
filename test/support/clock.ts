import type { Clock } from "../../provider/clock";

/**
 * A clock that only the test moves: `sleep` advances it and yields to the event loop instead of waiting,
 * so code that paces or waits runs in no real time and reads exactly the time the test set.
 */
export class ManualClock implements Clock {
  constructor(private ms: number) {}

  now(): number {
    return this.ms;
  }

  async sleep(ms: number): Promise<void> {
    this.ms += Math.max(0, ms);
    await new Promise((resolve) => setImmediate(resolve));
  }

  set(ms: number): void {
    this.ms = ms;
  }
}
