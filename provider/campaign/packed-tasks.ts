/**
 * The task list as the resource registers it: one string, `vox-tasks:1:` followed by the gzip'd JSON of
 * the list in base64, marked secret. The engine carries every input and output value between processes
 * as protobuf structs and rewrites the whole state file after every step, so 1,000 tasks as thousands
 * of struct values (in the inputs and again in the outputs) made a 50-campaign stack 15× slower than 50
 * trivial resources. Packed, the list travels and is stored once, as one encrypted string; the outputs
 * keep only `taskCount` and `tasksDigest`.
 *
 * The registered property keeps the public name `tasks`, so `ignoreChanges: ["tasks"]` works unchanged.
 * Inputs written by older versions hold the list itself: {@link taskListOf} accepts both.
 */
import { gunzipSync, gzipSync } from "zlib";
import { VoxError } from "../errors";

/** Format marker: a later format takes a new number, and this one stays readable. */
const PACKED_PREFIX = "vox-tasks:1:";

/** The list as one string (the resource class packs what the program gave; check packs the normalized list). */
export function packTasks(tasks: unknown[]): string {
  return PACKED_PREFIX + gzipSync(JSON.stringify(tasks)).toString("base64");
}

export type TaskListResult = { ok: true; tasks: unknown } | { ok: false; reason: string };

/**
 * The list a `tasks` input holds: a packed string is unpacked, anything else (a list written by an older
 * version, a preview unknown, a wrong value for validation to report) is returned as it is.
 */
export function taskListOf(value: unknown): TaskListResult {
  if (typeof value !== "string" || !value.startsWith(PACKED_PREFIX)) return { ok: true, tasks: value };
  try {
    return { ok: true, tasks: JSON.parse(gunzipSync(Buffer.from(value.slice(PACKED_PREFIX.length), "base64")).toString("utf8")) };
  } catch (error) {
    return {
      ok: false,
      reason: `tasks: the packed task list cannot be read (${(error as Error).message}); give the list as \`tasks\` of vox.Campaign`,
    };
  }
}

/** Inputs with `tasks` as a list again, for the runtime's create and update (check has validated the packing). */
export function withTaskList(inputs: Record<string, unknown>): Record<string, unknown> {
  const list = taskListOf(inputs.tasks);
  if (!list.ok) throw new VoxError("INVALID_INPUTS", list.reason);
  return inputs.tasks === undefined ? inputs : { ...inputs, tasks: list.tasks };
}
