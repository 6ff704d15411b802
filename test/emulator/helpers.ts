import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, MONDAY_10_KST, TestEmulator, TestEmulatorOptions, startTestEmulator } from "../support/emulator";

/** The shared test emulator with its clock at 10:00, inside the API's default window, where these tests start. */
export function startInWindow(options: TestEmulatorOptions = {}): Promise<TestEmulator> {
  return startTestEmulator({ startTime: MONDAY_10_KST, ...options });
}

/** A call_time_window with one window. */
export function windowOn(days: string[], startMin: number, endMin: number, extra: Record<string, unknown> = {}) {
  return { windows: [{ days, start_min: startMin, end_min: endMin }], timezone: "Asia/Seoul", ...extra };
}

/** What `useTestEmulator` gives each test: a fresh emulator, an API client and a client without a key. */
export interface TestContext {
  emulator: TestEmulator;
  client: Client;
  control: Client;
}

/**
 * Registers mocha hooks that start a fresh test emulator before each test and close it after; read the
 * fields inside tests. `replace` swaps in another emulator mid-test (the old one must be closed).
 */
export function useTestEmulator(options: TestEmulatorOptions = {}): TestContext & { replace(next: TestEmulatorOptions): Promise<void> } {
  const context = {
    emulator: undefined as unknown as TestEmulator,
    client: undefined as unknown as Client,
    control: undefined as unknown as Client,
    async replace(next: TestEmulatorOptions) {
      context.emulator = await startInWindow(next);
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
  emulator: TestEmulator | undefined;
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
      context.emulator = await startInWindow({ dataFile: context.dataFile });
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
