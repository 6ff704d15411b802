import type { CampaignTask } from "../campaign/args";
import type { Failure } from "../campaign/validate";
import { firstProblems } from "../contact-lists/errors";
import { VoxError } from "../errors";
import { containsUnknown } from "../values/unknown";
import { tasksDigest } from "../values/json";
import { SuppressionListError } from "./errors";
import { readSuppressionList, readSuppressionListOnce } from "./read";
import { Suppression, SuppressionSummary, describeRemovals } from "./suppress";
import type { SuppressionListSpec } from "./spec";

/**
 * The lists `suppressionLists` names, read for check; each problem becomes a failure on
 * `suppressionLists[i]`. Undefined when there are none, when they are not known yet, or when one failed.
 */
export function loadSuppression(specs: unknown, failures: Failure[]): CheckSuppression | undefined {
  if (!Array.isArray(specs) || containsUnknown(specs) || failures.some((f) => f.property.startsWith("suppressionLists"))) return undefined;
  const lists = specs.flatMap((spec: SuppressionListSpec, i) => {
    try {
      return [readSuppressionListOnce(spec)];
    } catch (error) {
      if (!(error instanceof SuppressionListError)) throw error;
      const property = `suppressionLists[${i}]`;
      failures.push(...firstProblems(error.problems).map((reason) => ({ property, reason: `${property}: ${reason}` })));
      return [];
    }
  });
  return lists.length === specs.length ? new CheckSuppression(new Suppression(lists)) : undefined;
}

/** The lists as check applies them: to the inline tasks or the `tasksFile` list, counting what each removed. */
export class CheckSuppression {
  private removed?: number[];

  constructor(private readonly suppression: Suppression) {}

  /** The tasks to call; remembers the counts for {@link record}. */
  readonly filter = (tasks: readonly CampaignTask[]): CampaignTask[] => {
    const { kept, removed } = this.suppression.apply(tasks);
    this.removed = removed;
    return kept;
  };

  /** Inline tasks that validated are replaced by the ones left, with their count and (when check worked one out) digest. */
  filterInline(inputs: Record<string, unknown>, failures: readonly Failure[]): void {
    const tasks = inputs.tasks;
    if (!Array.isArray(tasks) || containsUnknown(tasks) || failures.some((f) => f.property === "tasks" || f.property.startsWith("tasks[")))
      return;
    const kept = this.filter(tasks as CampaignTask[]);
    Object.assign(inputs, { tasks: kept, taskCount: kept.length });
    if (inputs.tasksDigest !== undefined) inputs.tasksDigest = tasksDigest(kept);
  }

  /**
   * Records the lists' summaries as the derived input `suppression` once a task list was filtered; a
   * campaign left with no one to call is a failure. Returns what a preview should say (how many each list
   * removed), when any was removed.
   */
  record(inputs: Record<string, unknown>, failures: Failure[], apiKey: string | undefined): string | undefined {
    if (this.removed === undefined) return undefined;
    const summaries = this.suppression.summaries(this.removed, apiKey);
    inputs.suppression = summaries;
    const removed = this.removed.reduce((sum, count) => sum + count, 0);
    if (inputs.taskCount !== 0) {
      if (removed === 0) return undefined;
      const all = removed + Number(inputs.taskCount);
      return `suppressionLists: ${removed} of ${all} tasks are on suppression lists and will not be called (${describeRemovals(summaries)})`;
    }
    failures.push({
      property: "suppressionLists",
      reason:
        `suppressionLists: every task is on a suppression list (${describeRemovals(summaries)} removed), so the campaign ` +
        "would call no one; remove the campaign, or give it tasks that are not suppressed",
    });
    return undefined;
  }
}

/**
 * The lists again at create, which must be what check read moments before (same size and digest): a list
 * edited in between would leave a number the preview counted as removed in the campaign.
 *
 * @throws VoxError SUPPRESSION_LIST_CHANGED, or INVALID_INPUTS when a list cannot be read any more.
 */
export function reloadSuppression(
  specs: readonly SuppressionListSpec[] | undefined,
  recorded: readonly SuppressionSummary[] | undefined,
  apiKey: string | undefined,
): Suppression | undefined {
  if (specs === undefined || specs.length === 0) return undefined;
  const lists = specs.map((spec) => {
    try {
      return readSuppressionList(spec);
    } catch (error) {
      if (error instanceof SuppressionListError) throw new VoxError("INVALID_INPUTS", `suppressionLists: ${error.message}`);
      throw error;
    }
  });
  const suppression = new Suppression(lists);
  const now = suppression.summaries(
    lists.map(() => 0),
    apiKey,
  );
  const changed = now.filter((summary, i) => {
    const before = recorded?.[i];
    return !before || before.entries !== summary.entries || (before.digest !== null && before.digest !== summary.digest);
  });
  if (changed.length > 0) {
    throw new VoxError(
      "SUPPRESSION_LIST_CHANGED",
      `suppressionLists: ${changed.map((summary) => summary.list).join(", ")} changed after it was checked; run the update again to apply the lists as they are now`,
    );
  }
  return suppression;
}
