import type { SuppressionSummary } from "../../provider/tooling";

type Props = Record<string, unknown>;

/**
 * What the suppression lists do to a campaign, in counts only (a preview holds no number of theirs):
 * `dnc.csv removes 10 tasks (100,000 entries)`, with what changed since state: a list's size or content
 * (its keyed digest), and its removals. Undefined when the campaign has no lists, before or after.
 */
export function describeSuppression(olds: Props | undefined, news: Props | undefined): string | undefined {
  const before = summariesOf(olds);
  const after = summariesOf(news);
  if (news && !Array.isArray(news.suppression) && news.suppressionLists !== undefined) return "not known until the update runs";
  if (before.length === 0 && after.length === 0) return undefined;
  const lines = after.map((summary) => {
    const old = before.find((candidate) => candidate.list === summary.list);
    const now = `${summary.list} removes ${tasks(summary.removed)} (${entries(summary.entries)})`;
    if (!old) return olds ? `${now}, new list` : now;
    const changes = [
      ...(old.entries !== summary.entries ? [`${entries(old.entries)} before`] : []),
      ...(old.entries === summary.entries && old.digest && summary.digest && old.digest !== summary.digest
        ? ["same size, other entries"]
        : []),
      ...(old.removed !== summary.removed ? [`removed ${old.removed} before`] : []),
    ];
    return changes.length > 0 ? `${now}: changed, ${changes.join(", ")}` : now;
  });
  const dropped = before.filter((old) => !after.some((summary) => summary.list === old.list)).map((old) => `${old.list} no longer applied`);
  return [...lines, ...dropped].join("; ");
}

function summariesOf(props: Props | undefined): SuppressionSummary[] {
  return Array.isArray(props?.suppression) ? (props.suppression as SuppressionSummary[]) : [];
}

function tasks(count: number): string {
  return count === 1 ? "1 task" : `${count} tasks`;
}

function entries(count: number): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? "entry" : "entries"}`;
}
