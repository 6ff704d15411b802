import type { NormalizedTask } from "../schema/campaign";

/** The tasks a create sends: the inline list checked by `check`. */
export async function loadTasks(inputs: Record<string, unknown>): Promise<NormalizedTask[]> {
  if (Array.isArray(inputs.tasks)) return inputs.tasks as NormalizedTask[];
  throw new Error("tasks: no task list in the inputs");
}
