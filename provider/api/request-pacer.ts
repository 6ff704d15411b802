import type { Clock } from "../clock";

/**
 * One token bucket per API (origin and key) for the whole provider process, so that a `pulumi up
 * --parallel 100` stays below the API's rate limit instead of 100 requests racing into 429s and retrying
 * in step. Requests wait in arrival order (FIFO). A 429 empties the bucket, stops every request until its
 * Retry-After has passed (plus a random part, so that other processes on the same key do not restart in
 * step) and halves the rate; each success then wins the rate back a little at a time.
 *
 * A few lines of our own rather than a library: p-limit bounds concurrency, not rate; bottleneck has had
 * no release for years and adapts to a 429 only through hooks that would be this much code again.
 */
export class RequestPacer {
  private tokens: number;
  private rate: number;
  private refilledAt: number;
  private blockedUntil = 0;
  private readonly waiting: (() => void)[] = [];
  private pumping = false;

  constructor(
    private readonly maxRate: number,
    private readonly burst: number,
    private readonly clock: Clock,
  ) {
    this.refilledAt = clock.now();
    this.tokens = burst;
    this.rate = maxRate;
  }

  /** Resolves when the next request may start. */
  take(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      void this.pump();
    });
  }

  /** A 429: nobody starts before `retryAfterMs` (plus jitter) and the pace slows. */
  throttled(retryAfterMs: number): void {
    this.refill();
    this.tokens = 0;
    this.rate = Math.max(this.maxRate / 8, this.rate / 2);
    this.blockedUntil = Math.max(this.blockedUntil, this.clock.now() + retryAfterMs + Math.random() * (1000 / this.rate));
  }

  /** An answer that was not a 429: the rate recovers by a tenth of the maximum. */
  answered(): void {
    this.rate = Math.min(this.maxRate, this.rate + this.maxRate / 10);
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.rate);
    this.refilledAt = now;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    while (this.waiting.length > 0) {
      this.refill();
      const wait = Math.max(this.blockedUntil - this.clock.now(), this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.rate) * 1000);
      if (wait > 0) {
        await this.clock.sleep(wait);
        continue;
      }
      this.tokens -= 1;
      this.waiting.shift()?.();
    }
    this.pumping = false;
  }
}

/** Per clock (one in production), the pacers by API, key and rate. */
const pacersByClock = new WeakMap<Clock, Map<string, RequestPacer>>();

/** The process's pacer for one API and key (kept in memory only, never logged), timed by `clock`. */
export function sharedPacer(origin: string, apiKey: string, requestsPerSecond: number, clock: Clock): RequestPacer {
  const key = `${origin}\n${apiKey}\n${requestsPerSecond}`;
  let pacers = pacersByClock.get(clock);
  if (!pacers) pacersByClock.set(clock, (pacers = new Map()));
  let pacer = pacers.get(key);
  if (!pacer) {
    // A burst of twice the rate: a small stack never waits, and the API's burst of 10 is never used up at once.
    pacer = new RequestPacer(requestsPerSecond, Math.max(1, Math.floor(requestsPerSecond * 2)), clock);
    pacers.set(key, pacer);
  }
  return pacer;
}
