import { canonicalJson } from "../schema/digest";
import { campaignApi } from "./context";
import { isNotFound } from "./errors";
import { toPlainJson } from "./plain";
import { rememberBeforeRefresh } from "./refresh-memory";
import { API_OUTPUT_KEYS, campaignOutputs } from "./state";

export interface ReadResult {
  id?: string;
  props?: Record<string, unknown>;
  inputs?: Record<string, unknown>;
}

type Props = Record<string, unknown>;

/**
 * One GET. The tasks cannot be read back, so they stay as state has them. The name and call time window
 * come from the API, so a change made outside Pulumi shows as drift that the next `up` puts back.
 */
export async function read(id: string, props: Props): Promise<ReadResult> {
  let campaign;
  try {
    campaign = await campaignApi().get(id);
  } catch (error) {
    if (isNotFound(error)) return {};
    throw error;
  }
  const inputs: Props = Object.fromEntries(
    Object.entries(props).filter(([key]) => !(API_OUTPUT_KEYS as readonly string[]).includes(key) && key !== "__provider"),
  );
  inputs.name = campaign.name;
  // Without a declared window the API applies its default; taking that into the inputs would be a diff forever.
  if (props.callTimeWindow !== null && props.callTimeWindow !== undefined && campaign.callTimeWindow) {
    const same = canonicalJson(props.callTimeWindow) === canonicalJson(campaign.callTimeWindow);
    inputs.callTimeWindow = same ? props.callTimeWindow : campaign.callTimeWindow;
  }
  for (const key of ["presentationNumber", "scheduledAt", "callTimeWindow"]) {
    if (inputs[key] === null) delete inputs[key];
  }
  const refreshed = toPlainJson(campaignOutputs(inputs, campaign));
  rememberBeforeRefresh(id, props);
  return { id, props: refreshed, inputs: toPlainJson(inputs) };
}
