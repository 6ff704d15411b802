import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RunningEmulator, startEmulator } from "../../emulator";
import { EmulatorOptions } from "../../emulator/options";

export const API_KEY = "test-key-1";
export const OTHER_API_KEY = "test-key-2";
export const AGENT_ID = "6f1d2c3b-1111-4222-8333-444455556666";
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Monday 2025-03-03 10:00 in Seoul: inside the default 08:00–20:00 window. */
export const MONDAY_10_SEOUL = Date.parse("2025-03-03T10:00:00+09:00");

/**
 * An emulator for tests: frozen clock at Monday 10:00 Seoul (only the test moves time), no rate limit,
 * random port, calls of 30–180 s.
 */
export function startTestEmulator(options: Partial<EmulatorOptions> = {}): Promise<RunningEmulator> {
  return startEmulator({ apiKey: [API_KEY, OTHER_API_KEY], speed: 0, startTime: MONDAY_10_SEOUL, rateLimit: false, ...options });
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
    readonly apiKey: string | null = API_KEY,
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

/** `count` distinct valid mobile numbers. */
export function tasks(count: number): Array<{ call_to: string }> {
  return Array.from({ length: count }, (_, index) => ({ call_to: `010${String(10_000_000 + index)}` }));
}

/** A valid create body with 3 tasks; overrides replace top-level fields (undefined removes one). */
export function campaignBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: "Spring reminder",
    call_from: "0212345678",
    agent_id: AGENT_ID,
    tasks: tasks(3),
    ...overrides,
  };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

/** A call_time_window with one window. */
export function windowOn(days: string[], startMin: number, endMin: number, extra: Record<string, unknown> = {}) {
  return { windows: [{ days, start_min: startMin, end_min: endMin }], timezone: "Asia/Seoul", ...extra };
}

/** What `useTestEmulator` gives each test: a fresh emulator, an API client and a client without a key. */
export interface TestContext {
  emulator: RunningEmulator;
  client: Client;
  control: Client;
}

/**
 * Registers mocha hooks that start a fresh test emulator before each test and close it after; read the
 * fields inside tests. `replace` swaps in another emulator mid-test (the old one must be closed).
 */
export function useTestEmulator(
  options: Partial<EmulatorOptions> = {},
): TestContext & { replace(next: Partial<EmulatorOptions>): Promise<void> } {
  const context = {
    emulator: undefined as unknown as RunningEmulator,
    client: undefined as unknown as Client,
    control: undefined as unknown as Client,
    async replace(next: Partial<EmulatorOptions>) {
      context.emulator = await startTestEmulator(next);
      context.client = new Client(context.emulator.url);
      context.control = new Client(context.emulator.url, null);
    },
  };
  beforeEach(() => context.replace(options));
  afterEach(() => context.emulator.close());
  return context;
}

/** What `useDataFileEmulator` gives each test. */
export interface DataFileContext {
  /** The data file's path, in a temp dir of its own per test. */
  dataFile: string;
  /** The running emulator, once `start` was called. */
  emulator: RunningEmulator | undefined;
  /** Closes the running emulator (if any) and starts a new one on the data file: a restart. */
  start(): Promise<Client>;
}

/** Registers mocha hooks for data-file tests: a fresh temp dir per test, removed with the emulator after it. */
export function useDataFileEmulator(): DataFileContext {
  let directory = "";
  const context: DataFileContext = {
    dataFile: "",
    emulator: undefined,
    async start() {
      await context.emulator?.close();
      context.emulator = await startTestEmulator({ dataFile: context.dataFile });
      return new Client(context.emulator.url);
    },
  };
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), "vox-emulator-"));
    context.dataFile = join(directory, "data.json");
  });
  afterEach(async () => {
    await context.emulator?.close();
    context.emulator = undefined;
    await rm(directory, { recursive: true, force: true });
  });
  return context;
}
