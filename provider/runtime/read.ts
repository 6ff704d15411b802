import { isNotFound } from "../api/errors";
import { campaignOutputs, inputsOfState, stateFromOutputs, withKnownOrganization } from "../campaign/state";
import { jsonEqual, toPlainJson } from "../values/json";
import { campaignApi } from "./client";
import { confirmWrongKey } from "./not-found";
import { rememberBeforeRefresh } from "./refresh-memory";

export interface ReadResult {
  id?: string;
  props?: Record<string, unknown>;
}

/**
 * One GET. The name and call time window come from the API, so a change made outside Pulumi shows as
 * drift that the next `up` puts back. It returns no inputs: the task list lives only in the inputs
 * (packed; the outputs hold its count and digest), so the engine keeps the inputs it has.
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
  const inputs = inputsOfState(state);
  inputs.name = campaign.name;
  // Without a declared window the API applies its default; taking that into the outputs would be a diff forever.
  if (state.callTimeWindow && campaign.callTimeWindow && !jsonEqual(state.callTimeWindow, campaign.callTimeWindow)) {
    inputs.callTimeWindow = campaign.callTimeWindow;
  }
  rememberBeforeRefresh(id, state);
  return { id, props: toPlainJson(campaignOutputs(inputs, campaign)) };
}
