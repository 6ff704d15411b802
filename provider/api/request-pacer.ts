import * as os from "os";
import { Clock, folderForClock } from "../clock";
import { SharedRequestBudget } from "../request-budget";

/**
 * Requests of one pacer on the wire at once: the HTTP agent's sockets (http.ts). A request starts only
 * when a socket is free, so that its timeout never runs while it waits for one: a POST that timed out in
 * the agent's queue would be taken for one whose answer was lost (many creates at a high pace did that).
 */
export const MAX_IN_FLIGHT = 16;

/**
 * The requests of one provider process to one API and key, started in arrival order (FIFO) as fast as
 * the request budget allows, at most {@link MAX_IN_FLIGHT} at once. The budget is one token bucket per API and key for every process on the
 * machine (request-budget.ts): each stack's update runs its own provider process, so 20 stacks updated
 * at once stay together below the API's rate limit instead of each pacing itself at the full rate. A 429
 * holds every process back until its Retry-After has passed and halves the shared pace; successes win
 * it back a little at a time.
 *
 * A few lines of our own rather than a library: p-limit bounds concurrency, not rate; bottleneck has had
 * no release for years and adapts to a 429 only through hooks that would be this much code again; and
 * neither shares a budget between processes.
 */
export class RequestPacer {
  private readonly waiting: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private pumping = false;
  private inFlight = 0;
  /** Resolves the pump's wait for a free slot. */
  private slotFreed: (() => void) | undefined;

  constructor(private readonly budget: SharedRequestBudget) {}

  /** Resolves when the next request may start; {@link finished} must follow, whatever happens to it. */
  take(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      void this.pump();
    });
  }

  /** The request that {@link take} let start is over (answered, failed, or never sent). */
  finished(): void {
    this.inFlight--;
    this.slotFreed?.();
  }

  /** A 429: no process starts a request before `retryAfterMs` has passed, and the pace slows. */
  throttled(retryAfterMs: number): Promise<void> {
    return this.budget.throttled(retryAfterMs);
  }

  /** An answer that was not a 429: the pace recovers a little. */
  answered(): Promise<void> {
    return this.budget.answered();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    while (this.waiting.length > 0) {
      while (this.inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (this.slotFreed = resolve));
      this.slotFreed = undefined;
      try {
        await this.budget.take();
        this.inFlight++;
        this.waiting.shift()?.resolve();
      } catch (error) {
        // The budget file cannot be used (an unwritable temp dir): that request fails, saying why.
        this.waiting.shift()?.reject(error);
      }
    }
    this.pumping = false;
  }
}

/** Per clock (one in production), the pacers by API, key and rate. */
const pacersByClock = new WeakMap<Clock, Map<string, RequestPacer>>();

/** The process's pacer for one API and key (the key kept in memory only, never logged), timed by `clock`. */
export function sharedPacer(origin: string, apiKey: string, requestsPerSecond: number, clock: Clock): RequestPacer {
  const key = `${origin}\n${apiKey}\n${requestsPerSecond}`;
  let pacers = pacersByClock.get(clock);
  if (!pacers) pacersByClock.set(clock, (pacers = new Map()));
  let pacer = pacers.get(key);
  if (!pacer) {
    pacer = new RequestPacer(
      SharedRequestBudget.forApi(origin, apiKey, requestsPerSecond, clock, folderForClock(clock, os.tmpdir(), "budget")),
    );
    pacers.set(key, pacer);
  }
  return pacer;
}
