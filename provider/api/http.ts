import * as http from "http";
import * as https from "https";
import fetch, { Response } from "node-fetch";
import type { Clock } from "../clock";
import { assertEngineConnected } from "../engine-presence";
import { UncertainOutcomeError, VoxApiError } from "./errors";
import { sharedPacer } from "./request-pacer";
import { Settings, explainRefusedKey, requireApiKey } from "./settings";

/**
 * node-fetch v2 rather than Node's global fetch: it takes a plain keep-alive `http.Agent` and reports
 * socket failures with their `code` (ECONNREFUSED, ECONNRESET), which is what tells "never sent"
 * (safe to retry a create) from "sent, outcome unknown" (not safe).
 */
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 16 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 16 }),
};

/**
 * `safe`: repeating the request cannot do harm (reads, PATCH, cancel): retried on 429, 5xx, timeouts,
 * resets and refused connections. `once`: a create, or an action whose repetition would hide what the
 * first one did; retried only when the API certainly did not act on it (429, connection refused),
 * otherwise an UncertainOutcomeError goes to the caller, which looks before acting again.
 */
export type RetryMode = "safe" | "once";

export interface RequestSpec {
  method: "GET" | "POST" | "PATCH";
  path: string;
  body?: unknown;
  retry: RetryMode;
  /** Told before each attempt leaves, and after each attempt whose outcome is certain (any answer but a 5xx). */
  sends?: SendLog;
}

/** Follows the attempts of one request (a create's: runtime/create-journal.ts). */
export interface SendLog {
  sending(): void;
  settled(): void;
}

const BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 8_000;
const RETRY_AFTER_CAP_MS = 60_000;

export class VoxHttpClient {
  /** `clock` times the retry budget, backoff, Retry-After and the pace (the per-request timeout stays a real timer). */
  constructor(
    readonly settings: Settings,
    readonly clock: Clock,
  ) {}

  /**
   * Sends the request through the process's shared pacer. Retries (as `spec.retry` allows) go on until
   * `vox:retryBudgetSeconds` have passed since the first failure (and at most `vox:maxRetries` times
   * when that is set); the last error is thrown.
   */
  async request<T>(spec: RequestSpec): Promise<T> {
    const apiKey = requireApiKey(this.settings);
    const pacer = sharedPacer(this.settings.baseUrl.origin, apiKey, this.settings.requestsPerSecond, this.clock);
    let giveUpAt: number | undefined;
    for (let attempt = 0; ; attempt++) {
      await pacer.take();
      // Each attempt, first or retry: never sent once the engine that would record its result is gone.
      assertEngineConnected(`${spec.method} ${spec.path}`);
      spec.sends?.sending();
      const outcome = await this.attempt(spec, apiKey, this.clock.now());
      if (outcome.kind !== "uncertain") spec.sends?.settled();
      if (outcome.kind === "done") {
        await pacer.answered();
        return outcome.value as T;
      }
      if (outcome.throttledMs !== undefined) await pacer.throttled(outcome.throttledMs);
      else await pacer.answered();
      giveUpAt ??= this.clock.now() + this.settings.retryBudgetMs;
      const retriable = outcome.kind === "not-acted" || (outcome.kind === "uncertain" && spec.retry === "safe");
      const wait = outcome.throttledMs ?? backoff(attempt);
      const outOfAttempts = this.settings.maxRetries !== undefined && attempt >= this.settings.maxRetries;
      if (!retriable || outOfAttempts || this.clock.now() + wait > giveUpAt) throw explainRefusedKey(outcome.error, this.settings);
      // A 429 already holds every request back in the pacer; other failures back off with jitter.
      if (outcome.throttledMs === undefined) await this.clock.sleep(wait);
    }
  }

  /** `now`: the clock's time when the request is sent, which a Retry-After date is measured from. */
  private async attempt(spec: RequestSpec, apiKey: string, now: number): Promise<Outcome> {
    const url = new URL(spec.path, this.settings.baseUrl);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.settings.timeoutMs);
    const where = `${spec.method} ${url.pathname}`;
    let response: Response;
    try {
      response = await fetch(url.toString(), {
        method: spec.method,
        headers: {
          authorization: `Bearer ${apiKey}`,
          accept: "application/json",
          ...(spec.body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        agent: agents[url.protocol as keyof typeof agents],
        signal: controller.signal as never,
      });
      const text = await response.text();
      return interpret(response, text, where, now);
    } catch (error) {
      return transportFailure(error, where, this.settings.timeoutMs);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** `throttledMs`: the wait a 429 asked for (its Retry-After, or one second). */
type Outcome =
  | { kind: "done"; value: unknown }
  | { kind: "not-acted"; error: Error; throttledMs?: number }
  | { kind: "uncertain"; error: Error; throttledMs?: undefined }
  | { kind: "final"; error: Error; throttledMs?: undefined };

function interpret(response: Response, text: string, where: string, now: number): Outcome {
  if (response.ok) {
    try {
      return { kind: "done", value: text === "" ? {} : JSON.parse(text) };
    } catch {
      return { kind: "final", error: new VoxApiError(response.status, "BAD_RESPONSE", `${where} answered with invalid JSON`) };
    }
  }
  const error = apiError(response.status, text);
  if (response.status === 429) {
    return { kind: "not-acted", error, throttledMs: retryAfterMs(response.headers.get("retry-after"), now) ?? 1000 };
  }
  if (response.status >= 500) {
    return { kind: "uncertain", error: new UncertainOutcomeError(`${where} failed: ${error.message}`) };
  }
  return { kind: "final", error };
}

function apiError(status: number, text: string): VoxApiError {
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string; details?: { field?: string } } };
    if (body.error?.code) {
      return new VoxApiError(status, body.error.code, body.error.message ?? "", body.error.details?.field);
    }
  } catch {
    // Not the API's JSON envelope (a proxy's HTML page, say): report the status with a short excerpt.
  }
  return new VoxApiError(status, `HTTP_${status}`, text.slice(0, 200).trim() || "no details");
}

function transportFailure(error: unknown, where: string, timeoutMs: number): Outcome {
  const code = (error as { code?: string }).code;
  if (code === "ECONNREFUSED") {
    return { kind: "not-acted", error: new Error(`${where}: connection refused by the vox API (${code})`) };
  }
  if ((error as { name?: string }).name === "AbortError") {
    return { kind: "uncertain", error: new UncertainOutcomeError(`${where}: no answer within ${timeoutMs / 1000} s`) };
  }
  const reason = code ?? (error as Error).message;
  return { kind: "uncertain", error: new UncertainOutcomeError(`${where}: connection failed (${reason})`) };
}

function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), RETRY_AFTER_CAP_MS) : undefined;
}

/** Exponential backoff with "equal jitter": half fixed, half random, so clients do not retry in step. */
function backoff(attempt: number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}
