import { CampaignApi } from "../api/campaigns";
import { isInvalidState } from "../api/errors";
import { CampaignView, isTerminal } from "../api/wire";
import { FieldName, changedFields, inPlaceFields } from "../campaign/fields";
import { CampaignInputs, campaignOutputs, stateFromOutputs, withKnownOrganization } from "../campaign/state";
import { checkedInputs } from "../campaign/validate";
import { VoxError } from "../errors";
import { finishedError } from "./finished";
import { toPlainJson } from "../values/json";
import { campaignApi } from "./client";

export interface UpdateResult {
  outs: Record<string, unknown>;
}

/**
 * Applies the in-place fields that changed with one PATCH. The API refuses a PATCH while the campaign
 * is ongoing, so then it pauses, patches and resumes (resuming even when the patch fails). A finished
 * campaign cannot change: that is an error saying so.
 */
export async function update(id: string, oldOutputs: Record<string, unknown>, newInputs: Record<string, unknown>): Promise<UpdateResult> {
  const olds = stateFromOutputs(oldOutputs);
  const news = checkedInputs(newInputs);
  if (isTerminal(olds.status)) throw finishedError(id, olds.status);
  const fields = inPlaceFields(changedFields(olds, news, id));
  const api = campaignApi();
  let campaign: CampaignView | undefined;
  if (fields.length > 0) {
    campaign = olds.status === "ongoing" ? await patchWhilePaused(api, id, fields, news) : await patchOrPause(api, id, fields, news);
  }
  // Nothing to send (a change Pulumi was told to ignore, say): the new inputs with the last observed state.
  const outs = campaignOutputs(news, campaign ? withKnownOrganization(campaign, olds) : olds);
  return { outs: toPlainJson(outs) };
}



/** State said draft, pending or paused; if it started meanwhile, the API answers 409 and we pause first. */
async function patchOrPause(api: CampaignApi, id: string, fields: FieldName[], news: CampaignInputs): Promise<CampaignView> {
  try {
    return await api.patch(id, fields, news);
  } catch (error) {
    if (!isInvalidState(error)) throw error;
    return patchWhilePaused(api, id, fields, news);
  }
}

async function patchWhilePaused(api: CampaignApi, id: string, fields: FieldName[], news: CampaignInputs): Promise<CampaignView> {
  try {
    await api.act(id, "pause");
  } catch (error) {
    if (!isInvalidState(error)) throw error;
    // Not pausable: finished meanwhile, or already paused (then the PATCH simply works).
    const current = await api.get(id);
    if (isTerminal(current.status)) throw finishedError(id, current.status);
    return api.patch(id, fields, news);
  }
  let patchError: unknown;
  try {
    await api.patch(id, fields, news);
  } catch (error) {
    patchError = error;
  }
  let resumed: CampaignView;
  try {
    resumed = await api.act(id, "resume");
  } catch (error) {
    const patchNote = patchError ? ` (the change itself failed: ${(patchError as Error).message})` : "";
    throw new VoxError(
      "RESUME_FAILED",
      `campaign ${id} was paused to apply the change${patchNote} and could not be resumed: ` +
        `${(error as Error).message}; resume it in vox.ai, or run \`pulumi up\` again`,
      { campaignId: id },
    );
  }
  if (patchError) throw patchError;
  return resumed;
}
