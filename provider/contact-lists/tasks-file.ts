import * as path from "path";
import type { CampaignTask } from "../campaign/args";
import { tasksDigest } from "../values/json";
import type { Failure } from "../campaign/validate";
import { VoxError } from "../errors";
import { displayPath } from "../files/display-path";
import { outsideRootReason, projectRoot } from "../files/project-root";
import type { ContactList } from "./contact-list";
import type { CsvContactOptions } from "./csv";
import { readContactList } from "./read";
import { ContactListError, firstProblems } from "./errors";

/** What `check` keeps of a `tasksFile` in the inputs (and so in state): a count and a digest, never the numbers. */
export type TasksFileSummary = { ok: true; taskCount: number; tasksDigest: string } | { ok: false; failures: Failure[] };

/**
 * Reads the contact list `tasksFile` names and sums it up as state keeps it. The digest is taken over
 * the normalized tasks exactly as for inline `tasks`, so moving a list into a file is no change.
 * Problems become `check` failures on `tasksFile`: the first ones and a count of the rest (see `firstProblems`).
 * A file outside the project folder is refused unread. `keep` takes out tasks not to call (suppression lists).
 */
export function summarizeTasksFile(file: TasksFileSpec, keep: TaskFilter = (tasks) => tasks): TasksFileSummary {
  try {
    const tasks = keep(readDeclaredList(file).tasks);
    return { ok: true, taskCount: tasks.length, tasksDigest: tasksDigest(tasks) };
  } catch (error) {
    if (!(error instanceof ContactListError)) throw error;
    const failures = firstProblems(error.problems).map((reason) => ({ property: "tasksFile", reason: `tasksFile: ${reason}` }));
    return { ok: false, failures };
  }
}

/**
 * The tasks of `tasksFile` for a create. `expectedDigest` is what `check` recorded moments before:
 * a file edited in between would create a campaign other than the one the preview showed.
 */
export function loadTasksFile(file: TasksFileSpec, expectedDigest: unknown, keep: TaskFilter = (tasks) => tasks): CampaignTask[] {
  let tasks: CampaignTask[];
  try {
    tasks = keep(readDeclaredList(file).tasks);
  } catch (error) {
    if (error instanceof ContactListError) throw new Error(`tasksFile: ${error.message}`, { cause: error });
    throw error;
  }
  if (tasksDigest(tasks) !== expectedDigest) {
    throw new VoxError(
      "TASKS_FILE_CHANGED",
      `tasksFile: ${displayPath(tasksFilePath(file))} changed after it was checked; run the update again to call the list as it is now`,
    );
  }
  return tasks;
}

/** The tasks of a list that are to be called (all, unless suppression lists take some out). */
export type TaskFilter = (tasks: CampaignTask[]) => CampaignTask[];

/** `tasksFile` as the schema takes it: a path, or a path with how to read the list. */
export type TasksFileSpec = string | ({ path: string } & CsvContactOptions);

/** The path of a `tasksFile` in either form. */
export function tasksFilePath(spec: TasksFileSpec): string {
  return typeof spec === "string" ? spec : spec.path;
}

/** The same `tasksFile` with its path made absolute against `directory`. */
export function absoluteTasksFile(spec: TasksFileSpec, directory: string): TasksFileSpec {
  return typeof spec === "string" ? path.resolve(directory, spec) : { ...spec, path: path.resolve(directory, spec.path) };
}

/**
 * The list a declaration names, which must lie inside the project folder (see projectRoot): a `tasksFile`
 * is reviewed as text, and `/etc/passwd` there must not be read, nor a link to it.
 */
function readDeclaredList(spec: TasksFileSpec): ContactList {
  const file = tasksFilePath(spec);
  const outside = outsideRootReason(file, projectRoot());
  if (outside !== undefined) throw new ContactListError(displayPath(file), [`${displayPath(file)}: ${outside}`]);
  return readTasksFile(spec);
}

/**
 * Reads the list a `tasksFile` names, with the options it gives, wherever it lies (callers that read on a
 * declaration's behalf check the project folder first).
 *
 * @throws ContactListError with every problem found.
 */
export function readTasksFile(spec: TasksFileSpec): ContactList {
  const { path: file, ...options } = typeof spec === "string" ? { path: spec } : spec;
  return readContactList(file, options);
}
