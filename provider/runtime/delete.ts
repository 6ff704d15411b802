import { isInvalidState, isNotFound } from "../api/errors";
import { isTerminal } from "../api/wire";
import { stateFromOutputs } from "../campaign/state";
import { campaignApi } from "./client";
import { confirmWrongKey } from "./not-found";

/**
 * Cancels the campaign so no further call is placed (the API has no delete: campaigns stay as history).
 * A finished campaign needs no call; one that finished meanwhile is success too. A 404 is "gone" only
 * when the key sees the campaign's organization: another organization's key must not forget a campaign
 * that keeps calling.
 */
export async function deleteCampaign(id: string, props: Record<string, unknown>): Promise<void> {
  const state = stateFromOutputs(props);
  if (isTerminal(state.status)) return;
  try {
    await campaignApi().act(id, "cancel");
  } catch (error) {
    if (isInvalidState(error)) return;
    if (!isNotFound(error)) throw error;
    await confirmWrongKey(id, state);
  }
}
