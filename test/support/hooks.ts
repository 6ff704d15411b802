import { TEST_API_KEY, TestEmulator, TestEmulatorOptions, startTestEmulator } from "./emulator";
import { configure as configureRuntime } from "../../provider/runtime";
import { configureProvider } from "./provider";

/** The emulator of the running test, with the provider configured against it. */
export interface ProviderEmulator extends TestEmulator {
  /** Configures the provider against this emulator again, with `config` added to the stack config. */
  configure(config?: Record<string, string>): Promise<void>;
  /** Closes this emulator and starts another with `options` (the same port keeps the same URL), configured as before. */
  restart(options?: TestEmulatorOptions): Promise<void>;
}

export interface ProviderEmulatorOptions {
  /** Options of every emulator the hooks start. */
  emulator?: TestEmulatorOptions;
  /** Stack config added to the API key and URL, e.g. shorter timeouts. */
  config?: Record<string, string>;
  /**
   * One emulator for the whole file, its request counts reset and the provider configured anew before each
   * test: for tests that create nothing, or nothing a later test could mistake for its own, and never move
   * its clock. By default each test gets a fresh emulator.
   */
  perFile?: boolean;
}

/**
 * Registers mocha hooks that start a test emulator, configure the provider against it and close it
 * afterwards. The returned object stands for whichever emulator is current: read it inside tests.
 */
export function useProviderEmulator(options: ProviderEmulatorOptions = {}): ProviderEmulator {
  let current: TestEmulator | undefined;
  const emulator = {
    async configure(config: Record<string, string> = {}) {
      await configureProvider(emulator.url, { ...options.config, ...config });
    },
    async restart(next: TestEmulatorOptions = {}) {
      await current?.close();
      await start({ ...options.emulator, ...next });
    },
  } as ProviderEmulator;
  async function start(emulatorOptions: TestEmulatorOptions | undefined) {
    current = await startTestEmulator(emulatorOptions);
    Object.assign(emulator, current);
    await emulator.configure();
  }
  async function stop() {
    await current?.close();
    current = undefined;
  }
  if (options.perFile) {
    before(() => start(options.emulator));
    beforeEach(async () => {
      await emulator.resetRequests();
      await emulator.configure();
    });
    after(stop);
  } else {
    beforeEach(() => start(options.emulator));
    afterEach(stop);
  }
  return emulator;
}

/** Restores the environment variables `names` after each test of the suite that calls it. */
export function restoreEnvAfterEach(...names: string[]): void {
  let saved: Record<string, string | undefined> = {};
  beforeEach(() => {
    saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  });
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
}

/** Registers hooks that point VOX_API_KEY and VOX_BASE_URL at `emulator` for each test, and restore them after. */
export function useEmulatorEnvironment(emulator: TestEmulator): void {
  restoreEnvAfterEach("VOX_API_KEY", "VOX_BASE_URL");
  beforeEach(() => {
    Object.assign(process.env, { VOX_API_KEY: TEST_API_KEY, VOX_BASE_URL: emulator.url });
  });
}

/**
 * Registers hooks that give each test TEST_API_KEY as VOX_API_KEY (which seals task lists), and restore it
 * after. The runtime is configured afresh from the environment too: it keeps the settings it first read for
 * the whole process, and another file in the same worker may have read them without a key.
 */
export function useTestApiKey(): void {
  restoreEnvAfterEach("VOX_API_KEY");
  beforeEach(async () => {
    process.env.VOX_API_KEY = TEST_API_KEY;
    await configureRuntime({ config: { get: () => undefined } });
  });
}
