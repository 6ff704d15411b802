import * as path from "path";
import { containsUnknown, jsonEqual, tasksFilePath } from "../../provider/tooling";
import type { TasksFileSpec } from "../../provider/tooling";

type Props = Record<string, unknown>;
interface Task {
  callTo: string;
}

/**
 * How the task list changes, in counts only. The engine keeps the lists secret (even
 * `--show-secrets` previews show "[secret]"), so normally only `taskCount` and `tasksDigest` tell:
 * "list changed (2 → 3 tasks)". Should both lists be visible, tasks are matched by number:
 * "+1 added, −0 removed, 0 changed".
 */
export function describeTaskChange(olds: Props | undefined, news: Props | undefined): string {
  if (!news) return count(olds?.taskCount);
  const file = news.tasksFile === undefined || containsUnknown(news.tasksFile) ? undefined : tasksFilePath(news.tasksFile as TasksFileSpec);
  const source = typeof file === "string" ? ` from ${path.basename(file)}` : "";
  if (containsUnknown(news.taskCount) || typeof news.taskCount !== "number") return "not known until the update runs";
  if (!olds) return `${count(news.taskCount)}${source}`;
  if (olds.tasksDigest === news.tasksDigest) return `${count(news.taskCount)}${source}, unchanged`;
  const counts = `(${olds.taskCount} → ${count(news.taskCount)})`;
  const before = taskList(olds.tasks);
  const after = taskList(news.tasks);
  if (!before || !after) return `list changed${source} ${counts}`;
  const { added, removed, changed } = compareByNumber(before, after);
  return `+${added} added, −${removed} removed, ${changed} changed${source} ${counts}`;
}

function count(value: unknown): string {
  return value === 1 ? "1 task" : `${typeof value === "number" ? value : "?"} tasks`;
}

function taskList(value: unknown): Task[] | undefined {
  const isTask = (item: unknown): item is Task => typeof (item as Task | null)?.callTo === "string";
  return Array.isArray(value) && value.every(isTask) ? value : undefined;
}

/** Pairs tasks with the same number (a number listed twice pairs twice); the rest were added or removed. */
function compareByNumber(before: Task[], after: Task[]): { added: number; removed: number; changed: number } {
  const unmatched = new Map<string, Task[]>();
  for (const task of before) unmatched.set(task.callTo, [...(unmatched.get(task.callTo) ?? []), task]);
  let added = 0;
  let changed = 0;
  for (const task of after) {
    const previous = unmatched.get(task.callTo)?.shift();
    if (!previous) added++;
    else if (!jsonEqual(previous, task)) changed++;
  }
  const removed = [...unmatched.values()].reduce((sum, rest) => sum + rest.length, 0);
  return { added, removed, changed };
}
