/**
 * The vox.ai campaign API emulator: an independent implementation of the contract in docs/vox-api.md, for
 * tests and local runs. `startEmulator` runs it in-process; `vox-emulator` (cli.ts) runs it standalone.
 */
import { Emulator, ResetScope } from "./emulator";
import { ActiveFault, FaultSpec, validateFaultSpec } from "./faults";
import { listen } from "./http/server";
import { EmulatorOptions, resolveOptions } from "./options";
import { RequestLogSnapshot } from "./request-log";

export { EmulatorOptions, RATE_LIMIT_ENV } from "./options";
export { ActiveFault, FAULT_TYPES, FaultSpec, FaultType, parseFaultSpec } from "./faults";
export { RateLimitSettings, CONTRACT_RATE_LIMIT, parseRateLimit } from "./rate-limit";
export { RequestLogSnapshot } from "./request-log";
export { ResetScope } from "./emulator";
export { ErrorBody, ErrorDetails } from "./errors";
export { V2Campaign, V3Campaign } from "./campaigns/views";

/** A running emulator, with in-process equivalents of the `/_emulator/` control endpoints. */
export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:4010` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  readonly clock: {
    /** The emulated time in unix ms. */
    now(): number;
    /** Moves the clock forward and processes every campaign up to the new time; returns it. */
    advance(ms: number): number;
    /** Sets the clock (backwards only while no campaign exists) and processes campaigns; returns it. */
    set(ms: number): number;
  };
  readonly faults: {
    add(spec: FaultSpec): ActiveFault;
    list(): ActiveFault[];
    /** @returns whether the fault existed */
    remove(id: string): boolean;
    clear(): void;
  };
  readonly requests: {
    /** Counts per `"<METHOD> <normalized path>"` and the total, since the last reset. */
    snapshot(): RequestLogSnapshot;
    reset(): void;
  };
  /** Clears campaigns, faults and the request log (`'requests'`: only the log). */
  reset(scope?: ResetScope): void;
  /** Stops the server and writes the data file; safe to call twice. */
  close(): Promise<void>;
}

/** Starts an emulator; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const settings = resolveOptions(options);
  const emulator = await Emulator.open(settings);
  const server = await listen(emulator, settings.port, settings.host);
  const host = settings.host.includes(":") ? `[${settings.host}]` : settings.host;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${server.port}`,
    port: server.port,
    clock: {
      now: () => emulator.clock.now(),
      advance: (ms) => emulator.advanceClock(ms).now,
      set: (ms) => emulator.setClock(ms).now,
    },
    faults: {
      add: (spec) => emulator.faults.add(validateFaultSpec(spec)),
      list: () => emulator.faults.list(),
      remove: (id) => emulator.faults.remove(id),
      clear: () => emulator.faults.clear(),
    },
    requests: {
      snapshot: () => emulator.requestLog.snapshot(),
      reset: () => emulator.reset("requests"),
    },
    reset: (scope) => emulator.reset(scope),
    close: () => {
      closing ??= server.close().then(() => emulator.flush());
      return closing;
    },
  };
}
