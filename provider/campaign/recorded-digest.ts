/**
 * A `tasksDigest` in state that the current API key did not make: a plain sha256 written before state
 * version 7, or an HMAC under the key the stack used before a key rotation. Compared as strings with the
 * new digest it would always differ, and a changed list replaces the campaign, which calls everyone on it
 * again. So the new list is digested the way the recorded digest was made (packed-tasks.ts
 * `digestMatches`): the same list is no change, only a digest to record anew (an update that sends
 * nothing to vox.ai); a digest no key at hand can reproduce is an error saying which key to give.
 */
import { declaredTasks } from "../contact-lists/tasks-file";
import type { TasksFileSpec } from "../contact-lists/tasks-file";
import { containsUnknown } from "../values/unknown";
import { TaskKeys, canonicalTaskList, digestMatches, isCurrentDigest, taskListOf } from "./packed-tasks";

/** The recorded digest and the new inputs' (`tasks` packed or a list, or `tasksFile`). */
type WithDigest = { tasksDigest?: unknown };

/**
 * `recorded` with the new digest in place of its own when both stand for the same list (`renewed`: record
 * the new one); otherwise as it is, for the diff to compare.
 *
 * @throws VoxError TASKS_OTHER_KEY when the recorded digest was made under a key that is not at hand.
 */
export function renewRecordedDigest<S extends WithDigest>(
  recorded: S,
  news: WithDigest & { tasks?: unknown; tasksFile?: unknown },
  keys: TaskKeys,
): { recorded: S; renewed: boolean } {
  const before = recorded.tasksDigest;
  const after = news.tasksDigest;
  if (typeof before !== "string" || typeof after !== "string" || before === after || isCurrentDigest(before, keys)) {
    return { recorded, renewed: false };
  }
  const tasks = newTasks(news, keys);
  if (tasks === undefined || !digestMatches(before, canonicalTaskList(tasks), keys)) return { recorded, renewed: false };
  return { recorded: { ...recorded, tasksDigest: after }, renewed: true };
}

/** The new list (inline, or the file's as check read it moments ago); undefined while not known (a preview). */
function newTasks(news: { tasks?: unknown; tasksFile?: unknown }, keys: TaskKeys): readonly unknown[] | undefined {
  if (news.tasks !== undefined) {
    const list = taskListOf(news.tasks, keys);
    return list.ok && Array.isArray(list.tasks) && !containsUnknown(list.tasks) ? list.tasks : undefined;
  }
  if (news.tasksFile === undefined || containsUnknown(news.tasksFile)) return undefined;
  return declaredTasks(news.tasksFile as TasksFileSpec);
}
