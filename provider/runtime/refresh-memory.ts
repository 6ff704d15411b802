import { CampaignState, DRIFT_KEYS } from "../campaign/state";

/**
 * What a refresh read replaced, kept for the diff that follows it in the same provider process.
 *
 * During a refresh the engine asks diff(refreshed outputs, inputs in state) whether anything drifted.
 * The inputs hold no status, so without this memory a campaign that finished, or was canceled behind
 * the stack's back, would refresh as "unchanged". An entry is used once, so the diff of a following `up`
 * compares only what the program declares.
 *
 * The invariant this relies on: the engine's refresh step (pkg/resource/deploy/step.go,
 * `RefreshStep.Apply`, Pulumi 3.248) calls Read and then, in the same step and against the same
 * provider process, Diff for that resource. So the entry never waits across processes or steps; it
 * holds for `pulumi refresh`, `pulumi up --refresh` and `--run-program` alike (test/e2e covers them).
 * Only the engine's opt-in legacy refresh diff skips the Diff; an entry left then is taken by the next
 * diff of the same campaign in that process and shows the refreshed drift once more, never a replace.
 */
const beforeRefresh = new Map<string, Map<(typeof DRIFT_KEYS)[number], unknown>>();

export function rememberBeforeRefresh(id: string, before: CampaignState): void {
  beforeRefresh.set(id, new Map(DRIFT_KEYS.map((key) => [key, before[key] ?? null])));
}

/**
 * The observed fields that a refresh just changed for this campaign when this diff follows its read
 * (a refresh's diff); undefined for any other diff.
 */
export function takeRefreshedChanges(id: string, refreshed: CampaignState): string[] | undefined {
  const before = beforeRefresh.get(id);
  if (!before) return undefined;
  beforeRefresh.delete(id);
  return DRIFT_KEYS.filter((key) => before.get(key) !== (refreshed[key] ?? null));
}
