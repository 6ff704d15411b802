import type { CampaignTask } from "../campaign/args";
import { FIELD_NAMES } from "../campaign/fields";
import { LIMITS } from "../campaign/schema";
import { Failure, ValidationOptions, ValidationResult, validateCampaignInputs } from "../campaign/validate";
import { containsUnknown } from "../values/unknown";
import { canonicalTaskList } from "../campaign/packed-tasks";
import { WIRE_TASK_FIELDS, wireFields } from "./wire";

/**
 * {@link validateCampaignInputs}, plus the one rule only the wire can measure: the create request's size.
 * Check, create, update and campaign files validate through here.
 */
export function validateCampaignRequest(raw: Record<string, unknown>, options: ValidationOptions): ValidationResult {
  const result = validateCampaignInputs(raw, options);
  const { inputs, failures } = result;
  if (typeof inputs.taskCount === "number" && Array.isArray(inputs.tasks) && !containsUnknown(inputs.tasks)) {
    const tooLarge = createRequestSizeFailure(inputs, inputs.tasks as CampaignTask[], failures.length === 0);
    if (tooLarge) failures.push(tooLarge);
  }
  return result;
}

/**
 * The create request's body size (the other fields counted only when `settingsValid`, since only valid
 * values can be put on the wire; the tasks alone are then a lower bound): above the API's limit the
 * create would fail with 413 after everything else passed. Names the largest task field, which is
 * usually the reason. The tasks are measured from the list's canonical JSON, which the digest and the
 * seal use too (one serialization per check): on the wire they differ only in key order, which changes no
 * length, and in the names of a task's fields.
 */
function createRequestSizeFailure(inputs: Record<string, unknown>, tasks: CampaignTask[], settingsValid: boolean): Failure | undefined {
  const { json } = canonicalTaskList(tasks);
  const renamed = wireNameGrowth(tasks);
  const fields = settingsValid ? JSON.stringify(wireFields(FIELD_NAMES, inputs)) : "{}";
  // `{<fields>,"tasks":<list>}`: a UTF-16 unit is at most 3 bytes of UTF-8, so bytes are counted only when the cheap count may exceed the limit.
  const around = fields.length + (fields.length > 2 ? 1 : 0) + '"tasks":'.length;
  if (around + json.length + renamed <= LIMITS.requestBodyMaxBytes / 3) return undefined;
  const bodyBytes = Buffer.byteLength(fields) + (around - fields.length) + Buffer.byteLength(json) + renamed;
  if (bodyBytes <= LIMITS.requestBodyMaxBytes) return undefined;
  const largest = largestTaskField(tasks);
  return {
    property: "tasks",
    reason:
      `tasks: the create request would be ${formatBytes(bodyBytes)}, above the API's ${formatBytes(LIMITS.requestBodyMaxBytes)} limit` +
      (largest ? `; ${largest.path} is ${formatBytes(largest.bytes)}` : "") +
      "; make the tasks smaller or split them into several campaigns",
  };
}

/** How much longer the tasks' field names are on the wire (`callTo` → `call_to`) than in the canonical JSON. */
function wireNameGrowth(tasks: CampaignTask[]): number {
  const growth = WIRE_TASK_FIELDS.map(([field, wire]) => [field, wire.length - field.length] as const);
  let bytes = 0;
  for (const task of tasks) for (const [field, longer] of growth) if (task[field] !== undefined) bytes += longer;
  return bytes;
}

function largestTaskField(tasks: CampaignTask[]): { path: string; bytes: number } | undefined {
  let largest: { path: string; bytes: number } | undefined;
  tasks.forEach((task, i) => {
    for (const [field, value] of Object.entries(task)) {
      if (value === undefined) continue;
      const bytes = Buffer.byteLength(JSON.stringify(value));
      if (!largest || bytes > largest.bytes) largest = { path: `tasks[${i}].${field}`, bytes };
    }
  });
  return largest;
}

/** 17_196_646 → `16.4 MiB`; 2048 → `2.0 KiB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
