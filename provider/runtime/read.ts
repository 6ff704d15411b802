import { jsonEqual } from "../schema/digest";
import { campaignApi } from "./context";
import { isNotFound } from "./errors";
import { toPlainJson } from "./plain";
import { rememberBeforeRefresh } from "./refresh-memory";
import { API_OUTPUT_KEYS, campaignOutputs, withKnownOrganization } from "./state";

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
    campaign = withKnownOrganization(await campaignApi().get(id), props);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await confirmGone(id, props);
    return {};
  }
  const inputs: Props = Object.fromEntries(
    Object.entries(props).filter(([key]) => !(API_OUTPUT_KEYS as readonly string[]).includes(key) && key !== "__provider"),
  );
  inputs.name = campaign.name;
  // Without a declared window the API applies its default; taking that into the inputs would be a diff forever.
  if (props.callTimeWindow !== null && props.callTimeWindow !== undefined && campaign.callTimeWindow) {
    inputs.callTimeWindow = jsonEqual(props.callTimeWindow, campaign.callTimeWindow) ? props.callTimeWindow : campaign.callTimeWindow;
  }
  for (const key of ["presentationNumber", "scheduledAt", "callTimeWindow"]) {
    if (inputs[key] === null) delete inputs[key];
  }
  const refreshed = toPlainJson(campaignOutputs(inputs, campaign));
  rememberBeforeRefresh(id, props);
  return { id, props: refreshed, inputs: toPlainJson(inputs) };
}

/**
 * A campaign is never deleted by the API, so a 404 most likely means the API key belongs to another
 * organization (a staging key on a production stack). Dropping the campaign from state would make the
 * next `up` create it again and call its whole list: refuse unless the key sees the campaign's organization.
 */
async function confirmGone(id: string, props: Props): Promise<void> {
  const newest = await campaignApi().newest();
  const expected = typeof props.organizationId === "string" ? props.organizationId : undefined;
  const advice =
    "Refusing to drop it from state, since the next `up` would create it again and call its list again. " +
    "Check vox:apiKey; if the campaign really is gone, run `pulumi state delete` on this resource.";
  if (!newest) {
    throw new Error(`campaign ${id} was not found, and this API key sees no campaign at all: it is probably another organization's key. ${advice}`);
  }
  if (expected && newest.organizationId && newest.organizationId !== expected) {
    throw new Error(
      `campaign ${id} belongs to organization ${expected}, but this API key is for organization ${newest.organizationId}. ${advice}`,
    );
  }
}
