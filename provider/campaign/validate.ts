import { z } from "zod";
import { UNKNOWN, containsUnknown } from "../values/unknown";
import { VoxError } from "../errors";
import { DERIVED_INPUTS, FIELD_NAMES } from "./fields";
import { normalizeKoreanNumber } from "../values/phone";
import { shapeProblems } from "./input-shape";
import { TaskKeys, canonicalTaskList } from "./packed-tasks";
import { LIMITS, fieldSchemas, formatPath, knownKeysAt, taskList, taskSchema } from "./schema";
import { unknownFieldReason } from "./suggest";

/** A rejected input, in the shape Pulumi's `check` reports: the field path and what is wrong. */
export interface Failure {
  property: string;
  reason: string;
}

export interface ValidationResult {
  /** Normalized inputs; fields holding preview-time unknowns are passed through untouched. */
  inputs: Record<string, unknown>;
  failures: Failure[];
}

export interface ValidationOptions {
  /** Current time in ms; a `scheduledAt` that changed must lie after it. */
  now: number;
  /** The `scheduledAt` already in state: an unchanged start time may lie in the past by now. */
  previousScheduledAt?: unknown;
  /** The keys that digest the list (packed-tasks.ts); without a current key, `tasksDigest` is not worked out. */
  keys?: TaskKeys;
  /**
   * The `tasksDigest` check recorded beside the list (create and update pass it): a list whose digest is
   * this one is the list check validated and normalized, and is taken without validating each task again.
   * Never pass a digest that came from anywhere but check's own result.
   */
  checkedTasksDigest?: unknown;
}

/** Keys that are neither inputs nor errors: the host's serialized provider, values derived by check, and the program's marker. */
const PASSTHROUGH_KEYS = new Set<string>(["__provider", "nameMarker", ...DERIVED_INPUTS]);

/** What the program records as `nameMarker` (campaign/autoname.ts): 6 hex digits, or null for an exact name. */
const NAME_MARKER = /^[0-9a-f]{6}$/;

/**
 * Validates and normalizes campaign inputs field by field (phone numbers to digits, days to canonical
 * order, HH:MM to minutes, defaults filled) and derives `taskCount` and (given a key) `tasksDigest` from `tasks`.
 */
export function validateCampaignInputs(raw: Record<string, unknown>, options: ValidationOptions): ValidationResult {
  const inputs: Record<string, unknown> = {};
  const failures: Failure[] = [];

  for (const key of Object.keys(raw)) {
    if (!(FIELD_NAMES as string[]).includes(key) && !PASSTHROUGH_KEYS.has(key)) {
      failures.push({ property: key, reason: `${key}: ${unknownFieldReason(key, FIELD_NAMES)}` });
    }
  }

  /** The digest check recorded, when the list is the one it was made of (then it is not worked out again). */
  let verifiedDigest: string | undefined;
  for (const field of FIELD_NAMES) {
    const value = raw[field];
    // A field too deep or with a key objects cannot hold is reported and left out: every later step recurses.
    const shape = shapeProblems(value, [field]);
    if (shape.length > 0) {
      failures.push(...shape.map(({ path, reason }) => failure(path, reason)));
      continue;
    }
    if (field === "tasks" && Array.isArray(value) && isCheckedList(value, options.checkedTasksDigest, options.keys)) {
      inputs.tasks = value;
      verifiedDigest = options.checkedTasksDigest;
      continue;
    }
    const parsed =
      field === "tasks" && Array.isArray(value)
        ? validateTasks(value, failures)
        : parseKnown(fieldSchemas[field], value, [field], failures);
    if (parsed !== undefined) inputs[field] = parsed;
  }

  takeNameMarker(raw, inputs, failures);
  checkCrossFieldRules(raw, inputs, options, failures);
  deriveTaskSummary(inputs, failures, options.keys, verifiedDigest);
  return { inputs, failures };
}

/** The marker `vox.Campaign` records beside the name; absent from inputs of versions before it, and from direct callers. */
function takeNameMarker(raw: Record<string, unknown>, inputs: Record<string, unknown>, failures: Failure[]): void {
  const marker = raw.nameMarker;
  if (marker === undefined) return;
  if (marker === null || containsUnknown(marker) || (typeof marker === "string" && NAME_MARKER.test(marker))) inputs.nameMarker = marker;
  else
    failures.push({
      property: "nameMarker",
      reason: "nameMarker: is set by vox.Campaign from the project, stack and resource; do not set it",
    });
}

/** Whether the list's digest is the one check recorded for it, so that check validated and normalized it. */
function isCheckedList(tasks: unknown[], checkedDigest: unknown, keys: TaskKeys | undefined): checkedDigest is string {
  return typeof checkedDigest === "string" && !containsUnknown(tasks) && listDigest(tasks, keys) === checkedDigest;
}

/**
 * The digest state records of a normalized list (keyed: packed-tasks.ts): check derives it, and create and
 * update compare with it. Without a current key there is none.
 */
function listDigest(tasks: unknown[], keys: TaskKeys | undefined): string | undefined {
  return keys?.current?.digest(canonicalTaskList(tasks));
}

function validateTasks(tasks: unknown[], failures: Failure[]): unknown[] {
  // The list's limits checked directly: zod's array parse would copy a list of 10,000 to say it is fine.
  if (tasks.length < 1 || tasks.length > LIMITS.tasksMax) {
    const outer = taskList(z.unknown()).safeParse(tasks);
    if (!outer.success) addFailures(outer.error, ["tasks"], tasks, failures);
  }
  return tasks.map((task, i) => usualTask(task) ?? parseKnown(taskSchema, task, ["tasks", i], failures));
}

/**
 * A task of the usual shape, `{ callTo, dynamicVariables? }` with strings only and a valid number,
 * normalized as `taskSchema` would (the number as digits), without zod's work and allocations per task;
 * undefined for any other shape or a number that fails, which `taskSchema` then parses and explains.
 */
function usualTask(task: unknown): CampaignTaskShape | undefined {
  if (task === null || typeof task !== "object" || Object.getPrototypeOf(task) !== Object.prototype) return undefined;
  const { callTo, dynamicVariables } = task as Record<string, unknown>;
  let keys = 1;
  if (typeof callTo !== "string") return undefined;
  if (dynamicVariables !== undefined) {
    if (!isStringRecord(dynamicVariables)) return undefined;
    keys++;
  }
  if (Object.keys(task).length !== keys) return undefined;
  const phone = normalizeKoreanNumber(callTo);
  if (!phone.ok) return undefined;
  return dynamicVariables === undefined ? { callTo: phone.digits } : { callTo: phone.digits, dynamicVariables };
}

/** What {@link usualTask} returns: the normalized task, its variables as given. */
interface CampaignTaskShape {
  callTo: string;
  dynamicVariables?: Record<string, string>;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) if (typeof (value as Record<string, unknown>)[key] !== "string") return false;
  return true;
}

/**
 * Parses a value that may hold preview-time unknowns: every problem is reported except those at (or
 * inside) an unknown, so that the known parts of a task or window are still checked. Returns the
 * normalized value, or the value as given when it holds unknowns or failed.
 */
function parseKnown(schema: z.ZodType, value: unknown, path: PropertyKey[], failures: Failure[]): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const known = parsed.error.issues.filter((issue) => !reachesUnknown(value, issue.path));
  addFailures(new z.ZodError(known), path, value, failures);
  return value;
}

/** Whether the way down `path` from `value` meets a preview-time unknown. */
function reachesUnknown(value: unknown, path: ReadonlyArray<PropertyKey>): boolean {
  let current: unknown = value;
  for (const key of [...path, undefined]) {
    if (current === UNKNOWN) return true;
    if (key === undefined || current === null || typeof current !== "object") return false;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return false;
}

function addFailures(error: z.ZodError, prefix: PropertyKey[], value: unknown, failures: Failure[]): void {
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      // Each key at its own path, with the field it most likely meant.
      const parent = [...prefix, ...issue.path];
      for (const key of issue.keys) failures.push(failure([...parent, key], unknownFieldReason(key, knownKeysAt(parent))));
      continue;
    }
    const missing = issue.code === "invalid_type" && valueAt(value, issue.path) === undefined;
    failures.push(failure([...prefix, ...issue.path], missing ? "is required" : issue.message));
  }
}

function failure(path: PropertyKey[], reason: string): Failure {
  const property = formatPath(path);
  return { property, reason: `${property}: ${reason}` };
}

function valueAt(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function checkCrossFieldRules(
  raw: Record<string, unknown>,
  inputs: Record<string, unknown>,
  options: ValidationOptions,
  failures: Failure[],
): void {
  // An adopted (or imported) campaign keeps the list it has in vox.ai, which the API does not return.
  if (raw.tasks === undefined && raw.tasksFile === undefined && raw.adoptId === undefined) {
    failures.push({ property: "tasks", reason: "tasks: is required (or tasksFile, a CSV or JSON contact list)" });
  }
  if (raw.tasks !== undefined && raw.tasksFile !== undefined) {
    failures.push({ property: "tasksFile", reason: "tasksFile: give either tasks or tasksFile, not both" });
  }
  const scheduledAt = inputs.scheduledAt;
  if (typeof scheduledAt === "string" && !containsUnknown(scheduledAt) && scheduledAt !== options.previousScheduledAt) {
    if (Date.parse(scheduledAt) <= options.now) {
      failures.push({
        property: "scheduledAt",
        reason: `scheduledAt: ${scheduledAt} is in the past; give a future time or leave it out to start now`,
      });
    }
  }
  // The API pauses only a started campaign: before its start time it is a draft, which refuses a pause.
  if (inputs.paused === true && typeof scheduledAt === "string" && !containsUnknown(scheduledAt) && Date.parse(scheduledAt) > options.now) {
    failures.push({
      property: "paused",
      reason:
        `paused: a campaign cannot be paused before its start (scheduledAt ${scheduledAt}): the API pauses only ` +
        "pending or ongoing campaigns; set paused once it has started, or leave scheduledAt out to create it paused",
    });
  }
}

/** `taskCount` and `tasksDigest` of a valid, known list; `verifiedDigest` is its digest when already worked out. */
function deriveTaskSummary(
  inputs: Record<string, unknown>,
  failures: Failure[],
  keys: TaskKeys | undefined,
  verifiedDigest: string | undefined,
): void {
  const tasks = inputs.tasks;
  if (!Array.isArray(tasks) || failures.some((f) => f.property === "tasks" || f.property.startsWith("tasks["))) return;
  if (verifiedDigest === undefined && containsUnknown(tasks)) return;
  inputs.taskCount = tasks.length;
  const digest = verifiedDigest ?? listDigest(tasks, keys);
  if (digest !== undefined) inputs.tasksDigest = digest;
}

/**
 * Pulumi's own serialization drops a `__proto__` key and recurses into nested values before the
 * provider's `check` sees them, so a program's inputs are looked at here, in the program, as far as they
 * are already known (Outputs and Promises are skipped; `check` sees them resolved).
 *
 * @throws VoxError INVALID_INPUTS naming each problem's path.
 */
export function assertProgramInputShape(args: Record<string, unknown>): void {
  const problems = Object.keys(args).flatMap((field) => shapeProblems(args[field], [field]));
  if (problems.length === 0) return;
  throw invalidInputs(problems.map(({ path, reason }) => failure(path, reason).reason));
}

/** The error of inputs that cannot be used, one line per reason. */
export function invalidInputs(reasons: string[]): VoxError {
  return new VoxError("INVALID_INPUTS", `the campaign's inputs are not valid:\n  ${reasons.join("\n  ")}`);
}
