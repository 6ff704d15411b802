import { packTasks, taskListOf } from "../campaign/packed-tasks";
import { summarizeTasksFile } from "../contact-lists/tasks-file";
import { keptName } from "../campaign/autoname";
import { adoptFailures } from "./adopt-preview";
import { validateCampaignInputs } from "../campaign/validate";
import { toPlainJson } from "../values/json";
import { containsUnknown } from "../values/unknown";

export interface CheckResult {
  inputs: Record<string, unknown>;
  /** Each `reason` starts with the field path (`tasks[3].callTo: …`); `property` is always empty (see forTheEngine). */
  failures: { property: string; reason: string }[];
}

/**
 * Validates and normalizes the inputs; makes no API call (it runs on every preview), except one GET for
 * a newly declared `adoptId` (see adopt-preview.ts). The task list
 * arrives packed (see packed-tasks.ts) and leaves packed, normalized, beside its `taskCount` and
 * `tasksDigest`. A `tasksFile` is read here, so a changed file shows in the preview as a changed
 * `tasksDigest`; the inputs, and so state, keep only its path, `taskCount` and `tasksDigest`.
 */
export async function check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<CheckResult> {
  const list = taskListOf(news.tasks);
  if (!list.ok) return { inputs: news, failures: [forTheEngine({ property: "tasks", reason: list.reason })] };
  const { inputs, failures } = validateCampaignInputs(news.tasks === undefined ? news : { ...news, tasks: list.tasks }, {
    now: Date.now(),
    previousScheduledAt: olds.scheduledAt,
  });
  // A campaign named before markers existed keeps its name rather than being renamed (see autoname.ts).
  if (typeof inputs.name === "string" && typeof inputs.nameMarker === "string") {
    Object.assign(inputs, keptName(olds, { name: inputs.name, nameMarker: inputs.nameMarker }));
  }
  // With inline tasks too, validation has already said to give only one; an unknown path is read at `up`.
  if (typeof inputs.tasksFile === "string" && inputs.tasks === undefined && !containsUnknown(inputs.tasksFile)) {
    const summary = summarizeTasksFile(inputs.tasksFile);
    if (summary.ok) Object.assign(inputs, { taskCount: summary.taskCount, tasksDigest: summary.tasksDigest });
    else failures.push(...summary.failures);
  }
  if (failures.length === 0) failures.push(...(await adoptFailures(olds, inputs)));
  if (Array.isArray(inputs.tasks) && !containsUnknown(inputs.tasks)) inputs.tasks = packTasks(inputs.tasks);
  return { inputs: toPlainJson(inputs), failures: failures.map(forTheEngine) };
}

/**
 * The engine prints a failure whose `property` names a top-level input as "property callFrom value
 * {<the input as written>} has a problem: …" (pkg/resource/deploy/step_generator.go, issueCheckFailures):
 * the full phone number next to the masked one. With no property it prints only "has a problem: <reason>",
 * and every reason starts with its field path.
 */
function forTheEngine(failure: { property: string; reason: string }): { property: string; reason: string } {
  return { property: "", reason: failure.reason };
}
