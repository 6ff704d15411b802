import { isNotFound } from "../api/errors";
import { isTerminal } from "../api/wire";
import { Comparable, changedFields, replacingFields } from "../campaign/fields";
import { CampaignState, migrateRecord, stateFromOutputs } from "../campaign/state";
import { VoxError } from "../errors";
import { campaignApi } from "./client";
import { confirmWrongKey } from "./not-found";
import { takeRefreshedChanges } from "./refresh-memory";
import { finishedError } from "./finished";

export interface DiffResult {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
}

/**
 * Compares old outputs with new (checked) inputs, by the field table's rules. A replace cancels the old
 * campaign before the new one is created, so two campaigns never call the same list at once; and when
 * the old campaign has already placed calls, the replace is refused unless `allowRedial` is set (the
 * redial guard).
 */
export async function diff(id: string, oldOutputs: Record<string, unknown>, newInputs: Record<string, unknown>): Promise<DiffResult> {
  const olds = stateFromOutputs(oldOutputs);
  // During a refresh the engine passes the inputs in state here, which an older version may have written.
  const news: Comparable = migrateRecord(newInputs);
  const fields = changedFields(olds, news, id);
  // After a refresh read, a status or counter that moved is drift worth showing (never a replace).
  const drift = takeRefreshedChanges(id, olds);
  const replaces = replacingFields(fields);
  // A finished campaign cannot change in place: a preview saying "update" would fail only at `up`. (A
  // refresh's diff compares the other way round and only reports; it must not fail.)
  if (drift === undefined && isTerminal(olds.status) && fields.length > replaces.length) {
    throw finishedError(id, olds.status);
  }
  if (replaces.length > 0 && news.allowRedial !== true) {
    await guardAgainstRedial(id, olds, news, replaces);
  }
  return { changes: fields.length + (drift?.length ?? 0) > 0, replaces, deleteBeforeReplace: replaces.length > 0 };
}

async function guardAgainstRedial(id: string, olds: CampaignState, news: Comparable, replaces: string[]): Promise<void> {
  let campaign;
  try {
    campaign = await campaignApi().get(id);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    // A 404 may mean another organization's key rather than "gone": the same rule as refresh and destroy.
    await confirmWrongKey(id, olds);
    return;
  }
  const placed = campaign.completedCalls + campaign.failedCalls + campaign.activeConcurrency;
  if (placed === 0) return;
  const people = typeof news.taskCount === "number" ? news.taskCount : olds.taskCount;
  throw new VoxError(
    "REDIAL_GUARD",
    `changing ${replaces.join(", ")} replaces campaign ${id} ("${campaign.name}"), and the new ` +
      `campaign would call all ${people} people on its list again. The current campaign has already placed ` +
      `${placed} calls (${campaign.completedCalls} completed, ${campaign.failedCalls} failed, ` +
      `${campaign.activeConcurrency} in progress; status ${campaign.status}). ` +
      "To call them again, set `allowRedial: true` on this resource; otherwise revert the change.",
    { campaignId: id, fields: replaces, placedCalls: placed },
  );
}
