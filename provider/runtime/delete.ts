import { campaignApi } from "./context";
import { isInvalidState, isNotFound } from "./errors";
import { isTerminal } from "./wire";

/**
 * Cancels the campaign so no further call is placed (the API has no delete: campaigns stay as history).
 * A finished campaign needs no call; one that is already gone or finished meanwhile is success too.
 */
export async function deleteCampaign(id: string, props: Record<string, unknown>): Promise<void> {
  if (isTerminal(props.status)) return;
  try {
    await campaignApi().act(id, "cancel");
  } catch (error) {
    if (isNotFound(error) || isInvalidState(error)) return;
    throw error;
  }
}
