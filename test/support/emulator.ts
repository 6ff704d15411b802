import { startEmulator } from "../../emulator";
import { EmulatorOptions } from "../../emulator/options";
import { campaignBody } from "./inputs";

/** The key of the tests' organization. */
export const TEST_API_KEY = "test-key-do-not-print";
/** Another organization's key: it sees none of TEST_API_KEY's campaigns. */
export const OTHER_API_KEY = "test-key-other-organization";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The first Monday, 07:00 in Seoul (which keeps no summer time), on a later date than `after`. */
function mondaySeoulAfter(after: number): number {
  const wall = new Date(after + 9 * HOUR); // its UTC fields read as the wall clock in Seoul
  const daysAhead = (8 - wall.getUTCDay()) % 7 || 7;
  return Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + daysAhead, 7) - 9 * HOUR;
}

/**
 * The tests' calendar: a Monday, 07:00 in Seoul, where every test emulator's frozen clock starts. It follows
 * the machine's clock (the first such Monday more than a day ahead), so a start time that the emulator takes
 * as future is future for code that reads the machine's clock too, on whatever date the tests run.
 * Before the programs' test windows (09:00–12:00), so a new campaign waits until a test moves the clock.
 */
export const MONDAY_07_KST = mondaySeoulAfter(Date.now() + DAY);
/** The calendar date in Seoul (`YYYY-MM-DD`) at `ms`. */
export const seoulDate = (ms: number): string => new Date(ms + 9 * HOUR).toISOString().slice(0, 10);
/** That Monday's date in Seoul (`YYYY-MM-DD`), to write times of the test week: `${TEST_MONDAY}T09:00:00+09:00`. */
export const TEST_MONDAY = seoulDate(MONDAY_07_KST);
/** 10:00 the same Monday: inside the API's default window (08:00–20:00); the emulator's own tests start here. */
export const MONDAY_10_KST = MONDAY_07_KST + 3 * HOUR;
/** A time long past on any run: a month before the test week. */
export const LONG_AGO = new Date(MONDAY_07_KST - 30 * DAY).toISOString();
/** From MONDAY_07_KST into the first window. */
export const UNTIL_WINDOW_OPENS = 2 * HOUR + 1000;

/** The emulator's options, and keys of further organizations, each seeing only its own campaigns. */
export type TestEmulatorOptions = Partial<EmulatorOptions> & { otherApiKeys?: string[] };

/**
 * A real emulator on a random loopback port, for every test of the repository: its frozen clock starts at
 * MONDAY_07_KST and only the test moves it; no rate limit, no random failure, calls of one minute.
 * It is the in-process emulator (its clock, faults and request log) plus calls over HTTP.
 */
export async function startTestEmulator(options: TestEmulatorOptions = {}) {
  const { otherApiKeys = [], ...emulatorOptions } = options;
  const emulator = await startEmulator({
    apiKey: [TEST_API_KEY, OTHER_API_KEY, ...otherApiKeys],
    speed: 0,
    rateLimit: false,
    startTime: MONDAY_07_KST,
    failureRate: 0,
    callDurationMs: { min: MINUTE, max: MINUTE },
    ...emulatorOptions,
  });
  const client = new Client(emulator.url);
  const keyless = new Client(emulator.url, null);
  /** Calls the emulator's control endpoints (`/_emulator/…`), failing the test on an error status. */
  const control = async (method: string, path: string, body?: unknown) => {
    const reply = await keyless.request(method, `/_emulator/${path}`, body);
    if (reply.status >= 400) throw new Error(`emulator ${method} ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  /** Calls the API directly, as someone outside Pulumi would. */
  const api = (method: string, path: string, body?: unknown) => client.request(method, path, body);
  /**
   * A GET for a test's assertion: a 429 (an emulator with a rate limit, just after the code under test used
   * it up) is waited out as its Retry-After says, so the assertion reads the answer, not the throttle. A
   * fault that answers 429 every time is given back after a few tries, for the assertion to show.
   */
  const read = async (path: string): Promise<Reply> => {
    for (let tries = 1; ; tries++) {
      const reply = await api("GET", path);
      if (reply.status !== 429 || tries === 5) return reply;
      await new Promise((resolve) => setTimeout(resolve, 1000 * Number(reply.headers.get("retry-after") ?? 1)));
    }
  };
  const { requests: requestLog, ...inProcess } = emulator;
  return {
    ...inProcess,
    /** The request log, in process. */
    requestLog,
    /** Request counts since the last reset, keyed like `POST /v2/campaigns`. */
    requests: async (): Promise<Record<string, number>> => (await control("GET", "requests")).counts,
    resetRequests: () => control("DELETE", "requests"),
    advance: (ms: number) => control("POST", "clock", { advanceMs: ms }),
    /** The emulator's current time (unix ms): "now" for code under test that takes a clock. */
    now: async (): Promise<number> => (await control("GET", "clock")).now,
    fault: (spec: Record<string, unknown>) => control("POST", "faults", spec),
    clearFaults: () => control("DELETE", "faults"),
    /** A change made in vox.ai's dashboard that the API cannot make (its concurrency). */
    changeInDashboard: (id: string, change: { concurrency: number }) => control("PATCH", `campaigns/${id}`, change),
    api,
    campaign: async (id: string) => (await read(`/v3/campaigns/${id}`)).body,
    campaignCount: async () => (await read("/v3/campaigns?limit=100")).body.total_count as number,
  };
}

export type TestEmulator = Awaited<ReturnType<typeof startTestEmulator>>;

/** The total of the counts, e.g. to assert that an operation made no request at all. */
export function totalRequests(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

/** A minimal JSON client over the global fetch. */
export class Client {
  constructor(
    readonly baseUrl: string,
    readonly apiKey: string | null = TEST_API_KEY,
  ) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const allHeaders: Record<string, string> = { ...headers };
    if (this.apiKey !== null) allHeaders.Authorization = `Bearer ${this.apiKey}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === "string" ? body : JSON.stringify(body);
      allHeaders["Content-Type"] = "application/json";
    }
    const response = await fetch(this.baseUrl + path, { method, headers: allHeaders, body: payload });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === "" ? undefined : JSON.parse(text) };
  }

  get(path: string): Promise<Reply> {
    return this.request("GET", path);
  }

  post(path: string, body?: unknown): Promise<Reply> {
    return this.request("POST", path, body);
  }

  patch(path: string, body?: unknown): Promise<Reply> {
    return this.request("PATCH", path, body);
  }

  delete(path: string): Promise<Reply> {
    return this.request("DELETE", path);
  }

  /** Creates a campaign (v2) and returns its id; fails the test on anything but 200. */
  async create(overrides: Record<string, unknown> = {}): Promise<string> {
    const reply = await this.post("/v2/campaigns", campaignBody(overrides));
    if (reply.status !== 200) throw new Error(`create failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body.id as string;
  }

  /** The v3 campaign; fails the test on anything but 200. */
  async campaign(id: string) {
    const reply = await this.get(`/v3/campaigns/${id}`);
    if (reply.status !== 200) throw new Error(`get failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  }
}
