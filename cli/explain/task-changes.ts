import * as path from "path";
import { containsUnknown, tasksFilePath } from "../../provider/tooling";
import type { TasksFileSpec } from "../../provider/tooling";
import type { CampaignOperation, ListFacts } from "./preview";

type Props = Record<string, unknown>;

/**
 * How the task list changes, in counts only. The engine keeps the lists secret (even `--show-secrets`
 * previews show "[secret]"), so the preview tells only `taskCount` and `tasksDigest`: "list changed
 * (2 → 3 tasks)". The contact-list file and its version at a base revision tell more:
 * "+1 added, −0 removed, 0 changed".
 */
export function describeTaskChange(
  olds: Props | undefined,
  news: Props | undefined,
  facts?: ListFacts,
  operation?: CampaignOperation,
): string {
  if (!news) return count(olds?.taskCount);
  const file = news.tasksFile === undefined || containsUnknown(news.tasksFile) ? undefined : tasksFilePath(news.tasksFile as TasksFileSpec);
  const source = typeof file === "string" ? ` from ${path.basename(file)}` : "";
  if (containsUnknown(news.taskCount) || typeof news.taskCount !== "number") return "not known until the update runs";
  if (!olds) return `${count(news.taskCount)}${source}`;
  if (olds.tasksDigest === news.tasksDigest) return `${count(news.taskCount)}${source}, unchanged`;
  // A changed list replaces the campaign: in an update the digest differs only because an earlier version or API key made it.
  if (operation === "update" || operation === "same")
    return `${count(news.taskCount)}${source}, unchanged (its digest is recorded anew under the API key)`;
  const counts = `(${olds.taskCount} → ${count(news.taskCount)})`;
  if (facts?.changes) {
    const { added, removed, changed } = facts.changes;
    return `+${added} added, −${removed} removed, ${changed} changed${source} ${counts}`;
  }
  return `list changed${source} ${counts}${facts?.notCompared ? `; ${facts.notCompared}` : ""}`;
}

function count(value: unknown): string {
  return value === 1 ? "1 task" : `${typeof value === "number" ? value : "?"} tasks`;
}
