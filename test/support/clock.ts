import type { Clock } from "../../provider/clock";

/**
 * A clock that only the test moves: `sleep` advances it and yields to the event loop instead of waiting,
 * so code that paces or waits runs in no real time and reads exactly the time the test set. Events set
 * with `at` happen when a sleep moves the clock to their time, as they would while real code waited.
 */
export class ManualClock implements Clock {
  private events: Array<{ at: number; happen: () => unknown }> = [];

  constructor(private ms: number) {}

  now(): number {
    return this.ms;
  }

  async sleep(ms: number): Promise<void> {
    this.ms += Math.max(0, ms);
    const due = this.events.filter((event) => event.at <= this.ms);
    this.events = this.events.filter((event) => event.at > this.ms);
    for (const event of due) await event.happen();
    await new Promise((resolve) => setImmediate(resolve));
  }

  set(ms: number): void {
    this.ms = ms;
  }

  /** Makes `happen` (awaited) take place during the sleep that moves the clock to `at` or past it. */
  at(at: number, happen: () => unknown): void {
    this.events.push({ at, happen });
  }
}
