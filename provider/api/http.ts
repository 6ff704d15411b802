import * as http from "http";
import * as https from "https";
import fetch, { Response } from "node-fetch";
import type { Clock } from "../clock";
import { assertEngineConnected } from "../engine-presence";
import { UncertainOutcomeError, VoxApiError } from "./errors";
import { MAX_IN_FLIGHT, sharedPacer } from "./request-pacer";
import { Settings, explainRefusedKey, requireApiKey, unreachableError } from "./settings";

/**
 * node-fetch v2 rather than Node's global fetch: it takes a plain keep-alive `http.Agent` and reports
 * socket failures with their `code` (ECONNREFUSED, ECONNRESET), which is what tells "never sent"
 * (safe to retry a create) from "sent, outcome unknown" (not safe).
 */
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT }),
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
/** How often a wait for a connection says it is still waiting. */
const PROGRESS_INTERVAL_MS = 10_000;

/**
 * Socket errors that mean no connection was made, so nothing was sent: refused, host or network unknown
 * or unreachable. Safe to repeat even for a create; a long wait on them is a wrong URL or a stopped server.
 */
const NOT_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * Where progress lines go while requests wait for a connection. Plain stderr: the Pulumi engine shows a
 * provider host's stderr lines in the update's output, and the CLI's stderr is the terminal.
 */
export type ProgressReport = (line: string) => void;

const toStderr: ProgressReport = (line) => process.stderr.write(`${line}\n`);

export class VoxHttpClient {
  /**
   * `clock` times the retry budget, backoff, Retry-After and the pace (the per-request timeout stays a real timer).
   * `progress` receives a line now and then while no connection can be made.
   */
  constructor(
    readonly settings: Settings,
    readonly clock: Clock,
    private readonly progress: ProgressReport = toStderr,
  ) {}

  /**
   * Sends the request through the process's shared pacer. Retries (as `spec.retry` allows) go on until
   * `vox:retryBudgetSeconds` have passed since the first failure (and at most `vox:maxRetries` times
   * when that is set); the last error is thrown. While no connection can be made at all, retries stop
   * after `vox:connectTimeoutSeconds` with an error naming the URL and where it came from.
   */
  async request<T>(spec: RequestSpec): Promise<T> {
    const apiKey = requireApiKey(this.settings);
    const pacer = sharedPacer(this.settings.baseUrl.origin, apiKey, this.settings.requestsPerSecond, this.clock);
    let giveUpAt: number | undefined;
    let unreachableSince: number | undefined;
    let reportedAt = Number.NEGATIVE_INFINITY;
    for (let attempt = 0; ; attempt++) {
      await pacer.take();
      let outcome: Outcome;
      try {
        // Each attempt, first or retry: never sent once the engine that would record its result is gone.
        assertEngineConnected(`${spec.method} ${spec.path}`);
        spec.sends?.sending();
        outcome = await this.attempt(spec, apiKey, this.clock.now());
      } finally {
        pacer.finished();
      }
      if (outcome.kind !== "uncertain") spec.sends?.settled();
      if (outcome.kind === "done") {
        await pacer.answered();
        return outcome.value as T;
      }
      if (outcome.throttledMs !== undefined) await pacer.throttled(outcome.throttledMs);
      else await pacer.answered();
      const now = this.clock.now();
      giveUpAt ??= now + this.settings.retryBudgetMs;
      unreachableSince = outcome.notConnected ? (unreachableSince ?? now) : undefined;
      const retriable = outcome.kind === "not-acted" || (outcome.kind === "uncertain" && spec.retry === "safe");
      const wait = outcome.throttledMs ?? backoff(attempt);
      const outOfAttempts = this.settings.maxRetries !== undefined && attempt >= this.settings.maxRetries;
      const outOfConnectTime = unreachableSince !== undefined && now + wait - unreachableSince > this.settings.connectTimeoutMs;
      if (!retriable || outOfAttempts || outOfConnectTime || now + wait > giveUpAt) {
        if (unreachableSince !== undefined) throw unreachableError(outcome.error, this.settings, now - unreachableSince);
        if (outcome.throttledMs !== undefined) throw stillRateLimited(spec, outcome.error, this.settings);
        throw explainRefusedKey(outcome.error, this.settings);
      }
      if (unreachableSince !== undefined && now - reportedAt >= PROGRESS_INTERVAL_MS) {
        reportedAt = now;
        this.progress(
          `pulumi-vox: cannot reach the vox API at ${this.settings.baseUrl.origin} (${outcome.error.message}); ` +
            `retrying for up to ${this.settings.connectTimeoutMs / 1000} s (vox:connectTimeoutSeconds), ${Math.round((now - unreachableSince) / 1000)} s so far`,
        );
      }
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

/** The API's rate limit outlasted the retries: the error names the request, which nothing else would. */
function stillRateLimited(spec: RequestSpec, error: Error, settings: Settings): VoxApiError {
  const limit = error instanceof VoxApiError ? error : new VoxApiError(429, "RATE_LIMITED", error.message);
  return new VoxApiError(
    429,
    limit.code,
    `${spec.method} ${spec.path} was still refused (${limit.apiMessage}) when its retries ended ` +
      `(vox:retryBudgetSeconds ${settings.retryBudgetMs / 1000} s); nothing was done. Other runs or processes using this ` +
      "API key share its rate limit: run `pulumi up` again once they are done",
  );
}

/** `throttledMs`: the wait a 429 asked for (its Retry-After, or one second); `notConnected`: see NOT_CONNECTED. */
type Outcome =
  | { kind: "done"; value: unknown; notConnected?: undefined }
  | { kind: "not-acted"; error: Error; throttledMs?: number; notConnected?: true }
  | { kind: "uncertain"; error: Error; throttledMs?: undefined; notConnected?: undefined }
  | { kind: "final"; error: Error; throttledMs?: undefined; notConnected?: undefined };

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
    return { kind: "not-acted", notConnected: true, error: new Error(`${where}: connection refused by the vox API (${code})`) };
  }
  if (code !== undefined && NOT_CONNECTED.has(code)) {
    return { kind: "not-acted", notConnected: true, error: new Error(`${where}: no connection to the vox API's host (${code})`) };
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
