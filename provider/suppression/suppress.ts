import type { CampaignTask } from "../campaign/args";
import { SuppressionList } from "./list";

/**
 * What state, outputs and previews keep of one suppression list: never its entries. `removed` counts the
 * tasks of this campaign the list took out; a number on several lists counts for the first that has it.
 */
export interface SuppressionSummary {
  /** The list's path, relative to the program's folder. */
  list: string;
  format: "csv" | "sha256";
  /** Distinct numbers (or hashes) on the list. */
  entries: number;
  /** Keyed digest of the entries (see digest.ts); null when no API key was set. */
  digest: string | null;
  /** Tasks of this campaign the list removed. */
  removed: number;
}

/** The tasks left to call, and how many each list (in declaration order) removed. */
export interface Suppressed {
  kept: CampaignTask[];
  removed: number[];
}

/** The declared suppression lists, read, as one filter over task lists. */
export class Suppression {
  constructor(readonly lists: readonly SuppressionList[]) {}

  /** Removes every task whose number is on a list; the first list that has it counts it. */
  apply(tasks: readonly CampaignTask[]): Suppressed {
    const removed = this.lists.map(() => 0);
    const kept = tasks.filter((task) => {
      const index = this.lists.findIndex((list) => list.has(task.callTo));
      if (index >= 0) removed[index]++;
      return index < 0;
    });
    return { kept, removed };
  }

  /** What state keeps of the lists, with the counts an {@link apply} found. */
  summaries(removed: readonly number[], apiKey: string | undefined): SuppressionSummary[] {
    return this.lists.map((list, i) => ({
      list: list.label,
      format: list.format,
      entries: list.size,
      digest: list.digest(apiKey),
      removed: removed[i],
    }));
  }
}

/**
 * How many more tasks the lists of `news` remove than those of `olds` did (0 when not more): a campaign
 * holding those tasks will call them, since vox.ai cannot take a task out of a campaign.
 */
export function moreRemoved(olds: unknown, news: unknown): number {
  const total = (summaries: unknown) =>
    Array.isArray(summaries)
      ? summaries.reduce((sum: number, summary: { removed?: unknown }) => sum + (Number(summary?.removed) || 0), 0)
      : 0;
  return Math.max(0, total(news) - total(olds));
}

/** `dnc.csv 12, optout.sha256 3`: how many each list removed, for messages (counts only). */
export function describeRemovals(summaries: readonly SuppressionSummary[]): string {
  return summaries.map((summary) => `${summary.list} ${summary.removed}`).join(", ");
}
