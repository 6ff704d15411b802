import { performance } from "node:perf_hooks";

/** A token bucket: `perSecond` tokens flow in, at most `burst` are kept. */
export interface RateLimitSettings {
  perSecond: number;
  burst: number;
}

/** The contract's assumed limit: 5 requests/s with bursts of 10, per API key. */
export const CONTRACT_RATE_LIMIT: RateLimitSettings = { perSecond: 5, burst: 10 };

interface Bucket {
  tokens: number;
  refilledAt: number;
}

/** Token buckets per API key, in real time (not emulated time: the limit protects the real server's rate). */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly settings: RateLimitSettings | false,
    private readonly realNow: () => number = () => performance.now(),
  ) {}

  /**
   * Takes one token from the key's bucket.
   * @returns 0 when the request may proceed, else the whole seconds (at least 1) until a token is there
   */
  take(apiKey: string): number {
    if (this.settings === false) return 0;
    const { perSecond, burst } = this.settings;
    const now = this.realNow();
    const bucket = this.buckets.get(apiKey) ?? { tokens: burst, refilledAt: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.refilledAt) / 1000) * perSecond);
    bucket.refilledAt = now;
    this.buckets.set(apiKey, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
  }
}

/**
 * Parses `N/BURST` (e.g. `5/10`) or `off`, the form used by `--rate-limit` and VOX_EMULATOR_RATE_LIMIT.
 * @throws Error with a readable message for anything else
 */
export function parseRateLimit(text: string): RateLimitSettings | false {
  if (text.trim().toLowerCase() === "off") return false;
  const match = /^\s*([0-9]+(?:\.[0-9]+)?)\s*\/\s*([0-9]+)\s*$/.exec(text);
  if (match === null) throw new Error(`rate limit must be "off" or "<per second>/<burst>", e.g. 5/10; got "${text}"`);
  return checkRateLimit({ perSecond: Number(match[1]), burst: Number(match[2]) });
}

/** Returns the settings when they make a working bucket (rate above 0, room for one request), else throws. */
export function checkRateLimit(settings: RateLimitSettings): RateLimitSettings {
  const { perSecond, burst } = settings;
  if (!(Number.isFinite(perSecond) && perSecond > 0) || !(Number.isFinite(burst) && burst >= 1)) {
    throw new Error(`rate limit needs perSecond > 0 and burst >= 1; got ${perSecond}/${burst}`);
  }
  return settings;
}
