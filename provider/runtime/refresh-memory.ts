/**
 * What a refresh read replaced, kept for the diff that follows it in the same provider process.
 *
 * During `pulumi refresh` the engine asks diff(refreshed outputs, inputs in state) whether anything
 * drifted. The inputs hold no status, so without this memory a campaign that finished, or was canceled
 * behind the stack's back, would refresh as "unchanged". An entry is used once, so the diff of a
 * following `up` compares only what the program declares.
 */
const OBSERVED_KEYS = ["status", "totalCalls", "completedCalls", "failedCalls", "activeConcurrency", "pausedBy"] as const;

const beforeRefresh = new Map<string, Record<string, unknown>>();

export function rememberBeforeRefresh(id: string, oldOutputs: Record<string, unknown>): void {
  beforeRefresh.set(id, Object.fromEntries(OBSERVED_KEYS.map((key) => [key, oldOutputs[key] ?? null])));
}

/** The observed fields that a refresh just changed for this campaign, if this diff follows its read. */
export function takeRefreshedChanges(id: string, refreshedOutputs: Record<string, unknown>): string[] {
  const before = beforeRefresh.get(id);
  if (!before) return [];
  beforeRefresh.delete(id);
  return OBSERVED_KEYS.filter((key) => before[key] !== (refreshedOutputs[key] ?? null));
}
