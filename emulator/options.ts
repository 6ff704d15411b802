import { LATEST_CLOCK_MS, isClockTime } from "./clock";
import { FaultSpec } from "./faults";
import { CONTRACT_RATE_LIMIT, RateLimitSettings, checkRateLimit, parseRateLimit } from "./rate-limit";

/** Options of `startEmulator`; only `apiKey` is required. */
export interface EmulatorOptions {
  /** Accepted API key(s); each key is its own organization, which sees only its own campaigns. */
  apiKey: string | readonly string[];
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** JSON file keeping every campaign across restarts; default none (memory only). */
  dataFile?: string;
  /** Emulated ms per real ms; default 1. 0 freezes the clock so that only tests move it. */
  speed?: number;
  /** The emulated time at start (unix ms); default the real time (never earlier than the data file's clock). */
  startTime?: number;
  /** Seed of call outcomes and rate faults; default 1. */
  seed?: number;
  /** Probability that a simulated call fails; default 0.1. */
  failureRate?: number;
  /** Range of simulated call durations in ms; default 30 s to 180 s. */
  callDurationMs?: { min: number; max: number };
  /**
   * Token bucket per API key, or false for none. Default: the environment variable
   * VOX_EMULATOR_RATE_LIMIT (`off` or `N/BURST`) when set, else the contract's 5/s with bursts of 10.
   */
  rateLimit?: RateLimitSettings | false;
  /** Largest accepted request body; default 16 MiB (a 10,000-task create is about 1 MiB). */
  maxBodyBytes?: number;
  /** Faults active from the start. */
  faults?: FaultSpec[];
  /** Numbers allowed as presentation_number; default: every valid number is approved. */
  approvedPresentationNumbers?: readonly string[];
}

/** The options with every default applied and checked. */
export interface EmulatorSettings {
  apiKeys: readonly string[];
  port: number;
  host: string;
  dataFile: string | null;
  speed: number;
  startTime: number;
  seed: number;
  failureRate: number;
  callDurationMs: { min: number; max: number };
  rateLimit: RateLimitSettings | false;
  maxBodyBytes: number;
  faults: FaultSpec[];
  approvedPresentationNumbers: readonly string[] | null;
}

/** The environment variable that sets the rate limit when the option is absent. */
export const RATE_LIMIT_ENV = "VOX_EMULATOR_RATE_LIMIT";
const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Applies defaults and rejects options that cannot work, with a message naming the option. */
export function resolveOptions(options: EmulatorOptions, env: NodeJS.ProcessEnv = process.env): EmulatorSettings {
  const apiKeys = typeof options.apiKey === "string" ? [options.apiKey] : [...options.apiKey];
  if (apiKeys.length === 0 || apiKeys.some((key) => typeof key !== "string" || key.trim() === "")) {
    throw new Error("apiKey must be a non-empty string or a non-empty list of them");
  }
  const settings: EmulatorSettings = {
    apiKeys,
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    dataFile: options.dataFile ?? null,
    speed: options.speed ?? 1,
    startTime: options.startTime ?? Date.now(),
    seed: options.seed ?? 1,
    failureRate: options.failureRate ?? 0.1,
    callDurationMs: options.callDurationMs ?? { min: 30_000, max: 180_000 },
    rateLimit: defaultRateLimit(options.rateLimit, env),
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    faults: options.faults ?? [],
    approvedPresentationNumbers: options.approvedPresentationNumbers ?? null,
  };
  const require = (ok: boolean, message: string) => {
    if (!ok) throw new Error(message);
  };
  require(Number.isInteger(settings.port) && settings.port >= 0 && settings.port <= 65535, "port must be an integer from 0 to 65535");
  require(Number.isFinite(settings.speed) && settings.speed >= 0, "speed must be a finite number >= 0");
  require(isClockTime(settings.startTime), `startTime must be unix milliseconds from 0 to ${LATEST_CLOCK_MS}`);
  require(Number.isSafeInteger(settings.seed), "seed must be an integer");
  require(settings.failureRate >= 0 && settings.failureRate <= 1, "failureRate must be from 0 to 1");
  const { min, max } = settings.callDurationMs;
  require(Number.isInteger(min) && Number.isInteger(max) && min >= 1 && min <= max, "callDurationMs needs integers 1 <= min <= max");
  require(Number.isInteger(settings.maxBodyBytes) && settings.maxBodyBytes >= 1024, "maxBodyBytes must be an integer >= 1024");
  return settings;
}

function defaultRateLimit(option: RateLimitSettings | false | undefined, env: NodeJS.ProcessEnv): RateLimitSettings | false {
  if (option !== undefined) return option === false ? false : checkRateLimit(option);
  const fromEnv = env[RATE_LIMIT_ENV];
  return fromEnv === undefined || fromEnv === "" ? CONTRACT_RATE_LIMIT : parseRateLimit(fromEnv);
}
