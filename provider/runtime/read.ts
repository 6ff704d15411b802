import { isNotFound } from "../api/errors";
import type { CampaignView } from "../api/wire";
import { describeCampaign } from "../campaign/description";
import { CampaignInputs, campaignOutputs, inputsOfState, stateFromOutputs, withKnownOrganization } from "../campaign/state";
import { jsonEqual, toPlainJson } from "../values/json";
import { campaignApi } from "./client";
import { confirmWrongKey } from "./not-found";
import { observedPaused } from "./paused";
import { rememberBeforeRefresh } from "./refresh-memory";

export interface ReadResult {
  id?: string;
  props?: Record<string, unknown>;
}

/**
 * One GET. The name, call time window and pause come from the API, so a change made outside Pulumi
 * shows as drift that the next `up` puts back. It returns no inputs: the task list lives only in the
 * inputs (packed; the outputs hold its count and digest), so the engine keeps the inputs it has.
 */
export async function read(id: string, props: Record<string, unknown>): Promise<ReadResult> {
  const state = stateFromOutputs(props);
  let campaign;
  try {
    campaign = withKnownOrganization(await campaignApi().get(id), state);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await confirmWrongKey(id, state);
    return {};
  }
  const recorded = inputsOfState(state);
  const inputs = recorded.agentId === undefined ? readOnlyInputs(campaign) : recorded;
  inputs.name = campaign.name;
  // Without a declared window the API applies its default; taking that into the outputs would be a diff forever.
  if (state.callTimeWindow && campaign.callTimeWindow && !jsonEqual(state.callTimeWindow, campaign.callTimeWindow)) {
    inputs.callTimeWindow = campaign.callTimeWindow;
  }
  // A pause or resume made in vox.ai: taken into the outputs, so the next `up` puts the declared value back.
  const paused = observedPaused(campaign);
  if (paused !== undefined) inputs.paused = paused;
  rememberBeforeRefresh(id, state);
  return { id, props: toPlainJson(campaignOutputs(inputs, campaign)) };
}

/** A campaign read by `Campaign.get` has nothing recorded yet: every field comes from the campaign itself. */
function readOnlyInputs(campaign: CampaignView): CampaignInputs {
  const { name, agentId, agentVersion, callFrom, presentationNumber, concurrency, callTimeWindow, scheduledAt, paused } =
    describeCampaign(campaign);
  const fields = { name, agentId, agentVersion, callFrom, presentationNumber, concurrency, callTimeWindow, scheduledAt, paused };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null)) as unknown as CampaignInputs;
}
