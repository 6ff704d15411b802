import { validationError } from "./errors";
import { matchPath } from "./http/path-pattern";
import { seededRandom } from "./random";
import { childPath, readEnum, readInteger, readObject, readString, rejectUnknownFields } from "./validation/fields";

/**
 * What a fault does:
 * - `latency`: handles the request on arrival, then waits `latencyMs` before answering (adds up with
 *   other latency faults, and delays another fault's answer too);
 * - `429`: answers RATE_LIMITED with `Retry-After: retryAfterSec`;
 * - `500` / `503`: answers INTERNAL_ERROR / SERVICE_UNAVAILABLE;
 * - `reset`: resets the connection before reading the request;
 * - `commit-then-drop`: handles the request fully (a create creates), then destroys the socket instead of answering;
 * - `slow-commit`: accepts the request on arrival but handles it (a create commits) only `commitAfterMs`
 *   later, then answers if the client is still there: lookups in between find nothing.
 */
export const FAULT_TYPES = ["latency", "429", "500", "503", "reset", "commit-then-drop", "slow-commit"] as const;
export type FaultType = (typeof FAULT_TYPES)[number];

/**
 * A fault to inject into API requests (never into `/_emulator/` routes). It applies to the requests that
 * match `method` and `path` (absent: any; `*` in the path matches one segment, e.g. `/v3/campaigns/*`),
 * either to the next `count` of them or to each with probability `rate`; with neither, to all of them.
 */
export interface FaultSpec {
  type: FaultType;
  method?: string;
  path?: string;
  count?: number;
  rate?: number;
  /** For `latency`: the delay in ms (required). */
  latencyMs?: number;
  /** For `429`: the Retry-After header in seconds (default 1). */
  retryAfterSec?: number;
  /** For `slow-commit`: ms from the request's arrival to its handling (required). */
  commitAfterMs?: number;
}

/** A fault as listed by GET /_emulator/faults: `count` is what is left; `applied` how often it fired. */
export interface ActiveFault extends FaultSpec {
  id: string;
  applied: number;
}

/** What the faults decided for one request. */
export interface FaultDecision {
  latencyMs: number;
  /** The fault that replaces normal handling, if any (at most one per request). */
  failure: ActiveFault | null;
}

const FAULT_FIELDS = ["type", "method", "path", "count", "rate", "latencyMs", "retryAfterSec", "commitAfterMs"] as const;
/** The longest delay a latency or slow-commit fault may add. */
const MAX_DELAY_MS = 600_000;

/** Validates a fault from JSON (control endpoint, option or CLI); throws 400 VALIDATION_ERROR. */
export function validateFaultSpec(value: unknown, field = ""): FaultSpec {
  const object = readObject(value, field);
  rejectUnknownFields(object, FAULT_FIELDS, field);
  const at = (key: string) => childPath(field, key);
  const spec: FaultSpec = { type: readEnum(object.type, at("type"), FAULT_TYPES) };
  if (object.method !== undefined) spec.method = readString(object.method, at("method")).toUpperCase();
  if (object.path !== undefined) {
    spec.path = readString(object.path, at("path"));
    if (!spec.path.startsWith("/")) throw validationError(at("path"), "must start with /");
  }
  if (object.count !== undefined && object.rate !== undefined) throw validationError(at("rate"), "cannot be combined with count");
  if (object.count !== undefined) spec.count = readInteger(object.count, at("count"), 1, Number.MAX_SAFE_INTEGER);
  if (object.rate !== undefined) {
    if (typeof object.rate !== "number" || !(object.rate >= 0 && object.rate <= 1)) {
      throw validationError(at("rate"), "must be a probability from 0 to 1");
    }
    spec.rate = object.rate;
  }
  // Each of these fields belongs to one type: read it for that type, refuse it for the others.
  const typeOnly = (key: "latencyMs" | "retryAfterSec" | "commitAfterMs", type: FaultType, read: () => number) => {
    if (spec.type === type) spec[key] = read();
    else if (object[key] !== undefined) throw validationError(at(key), `applies only to type ${type}`);
  };
  typeOnly("latencyMs", "latency", () => readInteger(object.latencyMs, at("latencyMs"), 0, MAX_DELAY_MS));
  typeOnly("retryAfterSec", "429", () =>
    object.retryAfterSec === undefined ? 1 : readInteger(object.retryAfterSec, at("retryAfterSec"), 0, 86_400),
  );
  typeOnly("commitAfterMs", "slow-commit", () => readInteger(object.commitAfterMs, at("commitAfterMs"), 0, MAX_DELAY_MS));
  return spec;
}

const CLI_KEYS: Readonly<Record<string, keyof FaultSpec>> = {
  method: "method",
  path: "path",
  count: "count",
  rate: "rate",
  ms: "latencyMs",
  "retry-after": "retryAfterSec",
  "commit-after": "commitAfterMs",
};
const NUMERIC_KEYS: ReadonlyArray<keyof FaultSpec> = ["count", "rate", "latencyMs", "retryAfterSec", "commitAfterMs"];

/**
 * Parses the `--fault` form `TYPE[:key=value,...]` (keys: method, path, count, rate, ms, retry-after,
 * commit-after), e.g. `503:rate=0.1` or `slow-commit:method=POST,path=/v2/campaigns,count=1,commit-after=5000`;
 * a JSON object works too.
 * @throws Error with a readable message
 */
export function parseFaultSpec(text: string): FaultSpec {
  let raw: Record<string, unknown>;
  if (text.trim().startsWith("{")) {
    raw = JSON.parse(text) as Record<string, unknown>;
  } else {
    const [type, options = ""] = splitOnce(text, ":");
    raw = { type };
    for (const pair of options.split(",").filter((part) => part !== "")) {
      const [key, value] = splitOnce(pair, "=");
      const specKey = CLI_KEYS[key];
      if (specKey === undefined) throw new Error(`unknown fault option "${key}" in "${text}"; use ${Object.keys(CLI_KEYS).join(", ")}`);
      raw[specKey] = NUMERIC_KEYS.includes(specKey) ? Number(value) : value;
    }
  }
  try {
    return validateFaultSpec(raw);
  } catch (error) {
    throw new Error(`bad fault "${text}": ${(error as Error).message}`, { cause: error });
  }
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** The active faults, and the deterministic decision of which of them hit each request. */
export class FaultInjector {
  private faults: Array<ActiveFault & { matched: number }> = [];
  private nextId = 1;

  constructor(private readonly seed: number) {}

  add(spec: FaultSpec): ActiveFault {
    const fault = { ...spec, id: `fault-${this.nextId++}`, applied: 0, matched: 0 };
    this.faults.push(fault);
    return publicView(fault);
  }

  /** @returns whether a fault with the id existed */
  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((fault) => fault.id !== id);
    return this.faults.length < before;
  }

  clear(): void {
    this.faults = [];
  }

  list(): ActiveFault[] {
    return this.faults.map(publicView);
  }

  /**
   * Decides the faults of one request and uses them up: a `count` fault counts down only when it fires,
   * and disappears at zero. A `rate` fault fires when the seeded draw for its n-th matching request is
   * below the rate, so the same seed and request sequence give the same faults.
   */
  decide(method: string, path: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0, failure: null };
    for (const fault of this.faults) {
      const isLatency = fault.type === "latency";
      if ((!isLatency && decision.failure !== null) || !matches(fault, method, path)) continue;
      fault.matched++;
      if (fault.rate !== undefined && seededRandom(this.seed, "fault", fault.id, fault.matched)() >= fault.rate) continue;
      fault.applied++;
      if (fault.count !== undefined) fault.count--;
      if (isLatency) decision.latencyMs += fault.latencyMs ?? 0;
      else decision.failure = publicView(fault);
    }
    this.faults = this.faults.filter((fault) => fault.count !== 0);
    return decision;
  }
}

function matches(fault: FaultSpec, method: string, path: string): boolean {
  return (fault.method === undefined || fault.method === method) && (fault.path === undefined || matchPath(fault.path, path) !== null);
}

function publicView(fault: ActiveFault & { matched: number }): ActiveFault {
  const { matched: _matched, ...view } = fault;
  return view;
}
