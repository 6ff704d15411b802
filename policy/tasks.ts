/**
 * For policy authors: the task list of a campaign as a policy receives it. The engine hands a policy the
 * inputs after check, where `tasks` is one packed string (see provider/campaign/packed-tasks.ts); these
 * functions unpack it, count it and mask what a message may show of a number.
 */
import { taskListOf } from "../provider/campaign/packed-tasks";
import { tasksDigest } from "../provider/values/json";
import { maskNumber, normalizeKoreanNumber } from "../provider/values/phone";

export { maskNumber };

/** One task as a policy sees it. `callTo` is digits only when it is a valid Korean number. */
export interface PolicyTask {
  /** The callee's number. Never print it whole: use {@link maskNumber}. */
  callTo: string;
  /** The agent's prompt variables. */
  dynamicVariables?: Record<string, unknown>;
  /** Free-form tracking data. */
  metadata?: Record<string, unknown>;
  /** Caller id for this task only. */
  presentationNumber?: string;
}

export type PolicyTaskList = { known: true; tasks: PolicyTask[] } | { known: false; reason: string };

/**
 * The campaign's tasks, unpacked, or read from its `tasksFile` (check leaves only the file's path, count and
 * digest in the inputs; the pack runs where the program does, so it reads the same file). `known: false`
 * when there is no list to read: a preview value not known yet, a file that changed since check read it,
 * or a packing that cannot be read.
 */
export function campaignTasks(props: Record<string, unknown>): PolicyTaskList {
  if (props.tasks === undefined || props.tasks === null) {
    if (typeof props.tasksFile === "string") return tasksOfFile(props.tasksFile, props.tasksDigest, props.suppressionLists);
    return { known: false, reason: "the campaign has no tasks" };
  }
  // Several rules read the same campaign one after the other: unpack its list once.
  if (typeof props.tasks === "string" && props.tasks === lastUnpacked.packed) return lastUnpacked.list;
  const list = unpack(props.tasks);
  if (typeof props.tasks === "string") lastUnpacked = { packed: props.tasks, list };
  return list;
}

let lastUnpacked: { packed?: string; list: PolicyTaskList } = { list: { known: false, reason: "" } };
let lastRead: { file?: string; digest?: unknown; list: PolicyTaskList } = { list: { known: false, reason: "" } };

function tasksOfFile(file: string, digest: unknown, suppressionLists: unknown): PolicyTaskList {
  if (file === lastRead.file && digest === lastRead.digest) return lastRead.list;
  let list: PolicyTaskList;
  try {
    // Check recorded the digest of the tasks its suppression lists left: take the same ones out.
    const { Suppression, readContactList, readSuppressionList } = require("./list-readers") as typeof import("./list-readers");
    const lists = Array.isArray(suppressionLists) ? suppressionLists.map(readSuppressionList) : [];
    const tasks = new Suppression(lists).apply(readContactList(file).tasks).kept;
    list =
      tasksDigest(tasks) === digest
        ? { known: true, tasks: tasks.map(normalizeTask) }
        : { known: false, reason: "tasksFile changed since check read it" };
  } catch (error) {
    list = { known: false, reason: `tasksFile cannot be read (${(error as Error).message})` };
  }
  lastRead = { file, digest, list };
  return list;
}

function unpack(tasks: unknown): PolicyTaskList {
  const list = taskListOf(tasks);
  if (!list.ok) return { known: false, reason: list.reason };
  if (!Array.isArray(list.tasks)) return { known: false, reason: "tasks is not a list" };
  return { known: true, tasks: list.tasks.filter(isTask).map(normalizeTask) };
}

/** How many tasks the campaign holds, or undefined when the list cannot be read. */
export function countTasks(props: Record<string, unknown>): number | undefined {
  const list = campaignTasks(props);
  return list.known ? list.tasks.length : undefined;
}

/** A number as rules compare it: digits of the normalized Korean number, or the digits given when it is not valid. */
export function comparableNumber(value: string): string {
  if (/^0\d{8,10}$/.test(value)) return value; // already normalized (check's output)
  const normalized = normalizeKoreanNumber(value);
  return normalized.ok ? normalized.digits : value.replace(/\D/g, "");
}

function isTask(value: unknown): value is PolicyTask {
  return typeof value === "object" && value !== null && typeof (value as PolicyTask).callTo === "string";
}

function normalizeTask(task: PolicyTask): PolicyTask {
  return { ...task, callTo: comparableNumber(task.callTo) };
}
