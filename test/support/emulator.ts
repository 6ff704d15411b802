import fetch from "node-fetch";
import { startEmulator } from "../../emulator";

export const TEST_API_KEY = "test-key-do-not-print";

/** A Monday, 07:00 in Seoul: before the test windows (09:00-12:00), so a new campaign waits until a test moves the clock. */
export const MONDAY_07_KST = Date.parse("2026-11-30T07:00:00+09:00");
/** From MONDAY_07_KST into the first window. */
export const UNTIL_WINDOW_OPENS = 2 * 3_600_000 + 1000;

export interface TestEmulatorOptions {
  port?: number;
  /** Keys of further organizations, each seeing only its own campaigns. */
  otherApiKeys?: string[];
  startTime?: number;
  failureRate?: number;
  approvedPresentationNumbers?: string[];
  /** The API's rate limit per key; default none. */
  rateLimit?: { perSecond: number; burst: number };
}

/** A real emulator on a random loopback port with a frozen clock that only the test moves. */
export async function startTestEmulator(options: TestEmulatorOptions = {}) {
  const emulator = await startEmulator({
    apiKey: [TEST_API_KEY, ...(options.otherApiKeys ?? [])],
    port: options.port,
    speed: 0,
    rateLimit: options.rateLimit ?? false,
    startTime: options.startTime ?? MONDAY_07_KST,
    failureRate: options.failureRate ?? 0,
    callDurationMs: { min: 60_000, max: 60_000 },
    approvedPresentationNumbers: options.approvedPresentationNumbers,
  });
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${emulator.url}/_emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`emulator ${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${TEST_API_KEY}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  return {
    url: emulator.url,
    close: () => emulator.close(),
    /** Request counts since the last reset, keyed like `POST /v2/campaigns`. */
    requests: async (): Promise<Record<string, number>> => (await control("GET", "requests")).counts,
    resetRequests: () => control("DELETE", "requests"),
    advance: (ms: number) => control("POST", "clock", { advanceMs: ms }),
    /** The emulator's current time (unix ms): "now" for code under test that takes a clock. */
    now: async (): Promise<number> => (await control("GET", "clock")).now,
    fault: (spec: Record<string, unknown>) => control("POST", "faults", spec),
    clearFaults: () => control("DELETE", "faults"),
    /** Calls the API directly, as someone outside Pulumi would. */
    api,
    campaign: async (id: string) => (await api("GET", `/v3/campaigns/${id}`)).body,
    campaignCount: async () => (await api("GET", "/v3/campaigns?limit=100")).body.total_count as number,
  };
}

export type TestEmulator = Awaited<ReturnType<typeof startTestEmulator>>;

/** The total of the counts, e.g. to assert that an operation made no request at all. */
export function totalRequests(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
