import { loadTasksFile } from "../contacts/tasks-file";
import type { NormalizedTask } from "../schema/campaign";

/** The tasks a create sends: the inline list checked by `check`, or the contact list `tasksFile` names. */
export async function loadTasks(inputs: Record<string, unknown>): Promise<NormalizedTask[]> {
  if (Array.isArray(inputs.tasks)) return inputs.tasks as NormalizedTask[];
  if (typeof inputs.tasksFile === "string") return loadTasksFile(inputs.tasksFile, inputs.tasksDigest);
  throw new Error("tasks: no task list in the inputs");
}
