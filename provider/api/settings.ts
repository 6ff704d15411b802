import { VoxError } from "../errors";
import { VoxApiError } from "./errors";

/** Where the provider reads its settings: stack config first, then the environment. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

export interface Settings {
  apiKey: string | undefined;
  /** Where the key came from, for messages that tell the user which one to check. */
  apiKeySource: string;
  /**
   * The key used before the current one, during a key rotation only: it opens task lists sealed and
   * digests made under it (campaign/packed-tasks.ts). `vox:previousApiKey`, falling back to VOX_PREVIOUS_API_KEY.
   */
  previousApiKey?: string;
  baseUrl: URL;
  /** Where the base URL came from (a config key, an environment variable, or the default), for messages. */
  baseUrlSource: string;
  /**
   * How long requests keep trying while no connection can be made at all (refused, host unknown), which
   * means nothing was sent: `vox:connectTimeoutSeconds`. Far shorter than the retry budget, which rides
   * out an API that answers but is busy.
   */
  connectTimeoutMs: number;
  /** Per-request timeout. */
  timeoutMs: number;
  /**
   * Attempts after the first one, for requests that are safe to retry, or undefined for no count limit
   * (the time budget alone bounds retries). `vox:maxRetries`, kept for compatibility.
   */
  maxRetries: number | undefined;
  /** How long (from a request's first failure) retries may go on: `vox:retryBudgetSeconds`. */
  retryBudgetMs: number;
  /** How long a create whose answer was lost keeps looking for the campaign: `vox:createLookupSeconds`. */
  createLookupMs: number;
  /** The pace this process keeps below the API's rate limit: `vox:requestsPerSecond`. */
  requestsPerSecond: number;
}

export const DEFAULT_BASE_URL = "https://client-api.tryvox.co";
const DEFAULT_TIMEOUT_SECONDS = 30;
/** Long enough for an emulator or a restarting proxy to come up; short enough that a wrong URL fails before anyone wonders. */
const DEFAULT_CONNECT_TIMEOUT_SECONDS = 30;
/** Long enough to ride out a few minutes of rate limiting when a hundred campaigns are created at once. */
const DEFAULT_RETRY_BUDGET_SECONDS = 300;
/** Longer than any commit delay to expect: a POST goes out again only after this long of finding nothing. */
const DEFAULT_CREATE_LOOKUP_SECONDS = 60;
/** The API's limit of 5 requests/s (docs/vox-api.md); the budget's burst stays below the API's 10 (request-budget.ts). */
const DEFAULT_REQUESTS_PER_SECOND = 5;

/** Thrown for settings a user must fix; the message says how. */
export class SettingsError extends VoxError {
  override name = "SettingsError";
  constructor(message: string) {
    super("SETTINGS", message);
  }
}

/**
 * Resolves `vox:apiKey`, `vox:baseUrl`, `vox:timeoutSeconds`, `vox:connectTimeoutSeconds`,
 * `vox:retryBudgetSeconds`, `vox:maxRetries`, `vox:createLookupSeconds` and `vox:requestsPerSecond` (stack config),
 * falling back to `VOX_API_KEY` and `VOX_BASE_URL`. The key may be missing here: only an API call
 * needs it, and `requireApiKey` then says how to set it.
 */
export function resolveSettings(config: ConfigSource, env: NodeJS.ProcessEnv = process.env): Settings {
  const fromConfig = config.get("vox:apiKey") || undefined;
  const { apiKey, previousApiKey } = resolveApiKeys(config, env);
  const apiKeySource = fromConfig
    ? "the stack config vox:apiKey"
    : apiKey
      ? "the VOX_API_KEY environment variable"
      : "none set: `pulumi config set --secret vox:apiKey <key>` or VOX_API_KEY";
  const baseUrlFromConfig = config.get("vox:baseUrl") || undefined;
  const baseUrl = parseBaseUrl(baseUrlFromConfig ?? (env.VOX_BASE_URL || DEFAULT_BASE_URL));
  const baseUrlSource = baseUrlFromConfig
    ? "the stack config vox:baseUrl"
    : env.VOX_BASE_URL
      ? "the VOX_BASE_URL environment variable"
      : "the default (neither vox:baseUrl nor VOX_BASE_URL is set)";
  return {
    apiKey,
    apiKeySource,
    previousApiKey,
    baseUrl,
    baseUrlSource,
    connectTimeoutMs:
      1000 * parseNumber(config.get("vox:connectTimeoutSeconds"), "vox:connectTimeoutSeconds", DEFAULT_CONNECT_TIMEOUT_SECONDS, 0, 3600),
    timeoutMs: 1000 * parseNumber(config.get("vox:timeoutSeconds"), "vox:timeoutSeconds", DEFAULT_TIMEOUT_SECONDS, 1, 600),
    maxRetries: optionalNumber(config.get("vox:maxRetries"), "vox:maxRetries", 0, 100),
    retryBudgetMs:
      1000 * parseNumber(config.get("vox:retryBudgetSeconds"), "vox:retryBudgetSeconds", DEFAULT_RETRY_BUDGET_SECONDS, 0, 3600),
    createLookupMs:
      1000 * parseNumber(config.get("vox:createLookupSeconds"), "vox:createLookupSeconds", DEFAULT_CREATE_LOOKUP_SECONDS, 0, 3600),
    requestsPerSecond: parseNumber(config.get("vox:requestsPerSecond"), "vox:requestsPerSecond", DEFAULT_REQUESTS_PER_SECOND, 1, 1000),
  };
}

/** The API key (`vox:apiKey`, else VOX_API_KEY) and, during a key rotation, the previous one (`vox:previousApiKey`, else VOX_PREVIOUS_API_KEY). */
export function resolveApiKeys(config: ConfigSource, env: NodeJS.ProcessEnv = process.env): { apiKey?: string; previousApiKey?: string } {
  return {
    apiKey: config.get("vox:apiKey") || env.VOX_API_KEY || undefined,
    previousApiKey: config.get("vox:previousApiKey") || env.VOX_PREVIOUS_API_KEY || undefined,
  };
}

export function requireApiKey(settings: Settings): string {
  if (!settings.apiKey) {
    throw new SettingsError(
      "no vox.ai API key: set it with `pulumi config set --secret vox:apiKey <key>` " + "or in the VOX_API_KEY environment variable",
    );
  }
  return settings.apiKey;
}

/**
 * The error after `vox:connectTimeoutSeconds` of failing to connect: which URL, where it came from, that
 * nothing was sent, and the two usual causes (an emulator not running, a wrong `vox:baseUrl`).
 */
export function unreachableError(cause: Error, settings: Settings, triedMs: number): VoxError {
  return new VoxError(
    "API_UNREACHABLE",
    `cannot reach the vox API at ${settings.baseUrl.origin} (from ${settings.baseUrlSource}): ${cause.message}, ` +
      `still after ${Math.round(triedMs / 1000)} s of retrying; nothing was sent. If it is a local emulator, start it ` +
      "(`npx vox-emulator`) and point `vox:baseUrl` at the address it prints; for vox.ai itself, check the network, or unset " +
      `vox:baseUrl and VOX_BASE_URL to use ${DEFAULT_BASE_URL}. \`vox:connectTimeoutSeconds\` sets how long to keep trying.`,
    { baseUrl: settings.baseUrl.origin },
  );
}

/**
 * A 401 as the user must act on it: where the refused key came from, both ways to set one, and that
 * `refresh` and `destroy` keep sending the key stored with the stack's last update (its provider inputs)
 * unless they run the program. Other errors are returned as they are.
 */
export function explainRefusedKey(error: Error, settings: Settings): Error {
  if (!(error instanceof VoxApiError) || error.status !== 401) return error;
  return new SettingsError(
    `the vox API refused the API key (401 ${error.code}); the key came from ${settings.apiKeySource}. ` +
      "Set a valid key with `pulumi config set --secret vox:apiKey <key>` or in the VOX_API_KEY environment " +
      "variable (the stack config wins when both are set). After changing the key, `pulumi refresh` and " +
      "`pulumi destroy` still send the key stored with the stack's last update: run them with `--run-program`, " +
      "or run `pulumi up` first.",
  );
}

const LOOPBACK_HOSTS = new Set(["localhost", "[::1]", "::1"]);

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function parseBaseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SettingsError(`vox:baseUrl "${value}" is not a URL; use e.g. ${DEFAULT_BASE_URL}`);
  }
  if (url.protocol === "http:" && !isLoopback(url.hostname)) {
    throw new SettingsError(
      `vox:baseUrl ${url.origin} uses plain http, which would send the API key unencrypted; ` +
        "use https (plain http is allowed only for loopback hosts such as a local emulator)",
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new SettingsError(`vox:baseUrl ${url.origin} must be an https:// URL`);
  }
  return url;
}

function optionalNumber(value: string | undefined, key: string, min: number, max: number): number | undefined {
  return value === undefined || value === "" ? undefined : parseNumber(value, key, 0, min, max);
}

function parseNumber(value: string | undefined, key: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new SettingsError(`${key} must be a whole number from ${min} to ${max}, not "${value}"`);
  }
  return parsed;
}
