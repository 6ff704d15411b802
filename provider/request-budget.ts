import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Clock } from "./clock";

/** The budget as the file holds it: a token bucket, its pace, and a pause after a 429. */
interface BudgetState {
  tokens: number;
  refilledAt: number;
  rate: number;
  blockedUntil: number;
}

/**
 * A lock older than this was left by a process that died holding it. A change takes microseconds, but a
 * process on a busy machine may wait seconds for a core while it holds the lock: breaking that lock
 * would let two processes spend the same token.
 */
const STALE_LOCK_MS = 10_000;

/** A pause longer than this ahead was written on another clock (a test's): no Retry-After asks that much. */
const LONGEST_PAUSE_MS = 10 * 60_000;

/**
 * One request budget per API and key for every process on this machine. Each stack's update runs its
 * own provider process, so 20 stacks updated at once on one CI runner would each pace themselves and
 * together send 20 times the pace; sharing the bucket keeps all of them below the API's rate limit.
 *
 * The bucket lives in a small JSON file in the OS temp dir, named by a hash of the API's origin and key
 * (never the key itself), and changes only under a lock file made with an exclusive create. A 429 seen
 * by any process empties the bucket, pauses everyone until its Retry-After and halves the shared pace;
 * successes win the pace back a tenth at a time.
 */
export class SharedRequestBudget {
  /** Whether this process has seen the shared pace below its maximum (successes then win it back). */
  private slowed = false;

  constructor(
    private readonly file: string,
    private readonly maxRate: number,
    private readonly burst: number,
    private readonly clock: Clock,
  ) {}

  /** The budget of `origin` and `apiKey` at `requestsPerSecond`, in the OS temp dir (or `dir`). */
  static forApi(origin: string, apiKey: string, requestsPerSecond: number, clock: Clock, dir = os.tmpdir()): SharedRequestBudget {
    const id = createHash("sha256").update(`pulumi-vox\n${origin}\n${apiKey}`).digest("hex").slice(0, 32);
    // A burst of one second's pace: at the API's 5/s that is half its burst of 10, so the API's bucket keeps
    // 5 tokens, a second of slack for requests that arrive closer together than they were sent (a busy
    // machine, a slow network); a small stack still sends its first requests without waiting.
    const burst = Math.max(1, Math.floor(requestsPerSecond));
    return new SharedRequestBudget(path.join(dir, `pulumi-vox-budget-${id}.json`), requestsPerSecond, burst, clock);
  }

  /** Resolves when this process may send one request. */
  async take(): Promise<void> {
    for (;;) {
      const wait = await this.change((state, now) => {
        this.slowed ||= state.rate < this.maxRate;
        if (now < state.blockedUntil) return state.blockedUntil - now;
        if (state.tokens >= 1) {
          state.tokens -= 1;
          return 0;
        }
        return ((1 - state.tokens) / state.rate) * 1000;
      });
      if (wait <= 0) return;
      // A little jitter, so that processes waiting for the same token do not all ask at once.
      await this.clock.sleep(wait + Math.random() * 5);
    }
  }

  /** A 429: no process starts a request before `retryAfterMs` has passed, and the shared pace halves. */
  async throttled(retryAfterMs: number): Promise<void> {
    this.slowed = true;
    await this.change((state, now) => {
      state.tokens = 0;
      state.rate = Math.max(this.maxRate / 8, state.rate / 2);
      state.blockedUntil = Math.max(state.blockedUntil, now + retryAfterMs);
    });
  }

  /** An answer that was not a 429: the pace recovers by a tenth of the maximum (only after a slow-down). */
  async answered(): Promise<void> {
    if (!this.slowed) return;
    await this.change((state) => {
      state.rate = Math.min(this.maxRate, state.rate + this.maxRate / 10);
      this.slowed = state.rate < this.maxRate;
    });
  }

  /** Reads, refills, changes and writes the bucket under the lock; returns what `apply` returns. */
  private async change<T>(apply: (state: BudgetState, now: number) => T): Promise<T> {
    const lock = `${this.file}.lock`;
    for (;;) {
      let descriptor: number;
      try {
        descriptor = fs.openSync(lock, "wx", 0o600);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        this.breakStaleLock(lock);
        await this.clock.sleep(1 + Math.random() * 4);
        continue;
      }
      try {
        const now = this.clock.now();
        const state = this.read(now);
        state.tokens = Math.min(this.burst, state.tokens + (Math.max(0, now - state.refilledAt) / 1000) * state.rate);
        state.refilledAt = now;
        const result = apply(state, now);
        fs.writeFileSync(this.file, JSON.stringify(state), { mode: 0o600 });
        return result;
      } finally {
        fs.closeSync(descriptor);
        fs.rmSync(lock, { force: true });
      }
    }
  }

  /** The bucket in the file; a full one when there is none yet or it cannot be read. */
  private read(now: number): BudgetState {
    const full = { tokens: this.burst, refilledAt: now, rate: this.maxRate, blockedUntil: 0 };
    try {
      const state = JSON.parse(fs.readFileSync(this.file, "utf8")) as Partial<BudgetState>;
      const valid = [state.tokens, state.refilledAt, state.rate, state.blockedUntil].every((value) => Number.isFinite(value));
      // A budget written for another pace (another version, or `vox:requestsPerSecond` changed) restarts full.
      if (!valid || (state.rate as number) > this.maxRate) return full;
      const budget = state as BudgetState;
      if (budget.blockedUntil > now + LONGEST_PAUSE_MS) budget.blockedUntil = 0;
      return budget;
    } catch {
      return full;
    }
  }

  private breakStaleLock(lock: string): void {
    try {
      if (this.clock.now() - fs.statSync(lock).mtimeMs > STALE_LOCK_MS) fs.rmSync(lock, { force: true });
    } catch {
      // Gone already: the next attempt takes it.
    }
  }
}
