import { CampaignApi } from "../api/campaigns";
import { isInvalidState } from "../api/errors";
import { CampaignView, isTerminal } from "../api/wire";
import { FieldName, changedFields, inPlaceFields } from "../campaign/fields";
import { CampaignInputs, campaignOutputs, inputsOfState, stateFromOutputs, withKnownOrganization } from "../campaign/state";
import { checkedInputs } from "../campaign/validate";
import { VoxError } from "../errors";
import { toPlainJson } from "../values/json";
import { campaignApi } from "./client";
import { pauseCampaign, resumeIfPaused } from "./paused";

export interface UpdateResult {
  outs: Record<string, unknown>;
}

/**
 * Applies the in-place fields that changed with one PATCH. The API refuses a PATCH while the campaign
 * is ongoing, so then it pauses, patches and resumes (resuming even when the patch fails). A finished
 * campaign cannot change: that is an error saying so. `paused` is applied by the pause and resume
 * actions (runtime/paused.ts); a campaign declared paused is never resumed by the patch cycle.
 */
export async function update(id: string, oldOutputs: Record<string, unknown>, newInputs: Record<string, unknown>): Promise<UpdateResult> {
  const olds = stateFromOutputs(oldOutputs);
  const news = checkedInputs(newInputs);
  if (isTerminal(olds.status)) throw finishedError(id, olds.status);
  const changed = changedFields(olds, news, id);
  const fields = inPlaceFields(changed, "patch");
  const pausedChanged = inPlaceFields(changed, "pause or resume").length > 0;
  const api = campaignApi();
  let campaign: CampaignView | undefined;
  if (news.paused) {
    campaign = await updateDeclaredPaused(api, id, fields, news, pausedChanged);
  } else if (fields.length > 0) {
    campaign = olds.status === "ongoing" ? await patchWhilePaused(api, id, fields, news) : await patchOrPause(api, id, fields, news);
  }
  if (!news.paused && pausedChanged) campaign = (await resumeIfPaused(api, id, campaign ?? olds, inputsOfState(olds).paused)) ?? campaign;
  // Nothing to send (a change Pulumi was told to ignore, say): the new inputs with the last observed state.
  const outs = campaignOutputs(news, campaign ? withKnownOrganization(campaign, olds) : olds);
  return { outs: toPlainJson(outs) };
}



/**
 * A campaign declared paused: paused first when that changed, then patched while paused, so that the
 * pause→patch→resume cycle never resumes it (1 request per change; +1 pause if it was resumed in vox.ai
 * since the last refresh and the PATCH found it running).
 */
async function updateDeclaredPaused(
  api: CampaignApi,
  id: string,
  fields: FieldName[],
  news: CampaignInputs,
  pausedChanged: boolean,
): Promise<CampaignView | undefined> {
  const paused = pausedChanged ? await pauseCampaign(api, id) : undefined;
  if (fields.length === 0) return paused;
  try {
    return await api.patch(id, fields, news);
  } catch (error) {
    if (!isInvalidState(error)) throw error;
    await pauseCampaign(api, id);
    return api.patch(id, fields, news);
  }
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

export function finishedError(id: string, status: string): VoxError {
  return new VoxError(
    "CAMPAIGN_FINISHED",
    `campaign ${id} has finished (status ${status}) and can no longer be changed; revert the change, ` +
      "or remove the campaign from the program (destroy keeps its history in vox.ai), " +
      "or run `pulumi refresh` if you think it is still running",
    { campaignId: id, status },
  );
}
