/** Request counts since the last reset, keyed `"<METHOD> <normalized path>"` (e.g. `GET /v3/campaigns/{id}`). */
export interface RequestLogSnapshot {
  total: number;
  counts: Record<string, number>;
}

/**
 * Counts API requests as they arrive, before auth, rate limiting or faults decide their fate, so that a
 * test can see how often a client retried.
 */
export class RequestLog {
  private counts = new Map<string, number>();
  private total = 0;

  record(method: string, normalizedPath: string): void {
    const key = `${method} ${normalizedPath}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.total++;
  }

  snapshot(): RequestLogSnapshot {
    return { total: this.total, counts: Object.fromEntries(this.counts) };
  }

  reset(): void {
    this.counts = new Map();
    this.total = 0;
  }
}
