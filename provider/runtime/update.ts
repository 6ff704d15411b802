import { CampaignApi, CampaignPatch } from "./api";
import { campaignApi } from "./context";
import { isInvalidState } from "./errors";
import { toPlainJson } from "./plain";
import { Observed, campaignOutputs, withKnownOrganization } from "./state";
import { CampaignView, isTerminal } from "./wire";
import { jsonEqual } from "../schema/digest";
import { DAYS } from "../schema/window";

export interface UpdateResult {
  outs: Record<string, unknown>;
}

type Props = Record<string, unknown>;

/**
 * Applies name and call time window changes with one PATCH. The API refuses a PATCH while the campaign
 * is ongoing, so then it pauses, patches and resumes (resuming even when the patch fails). A finished
 * campaign cannot change: that is an error saying so.
 */
export async function update(id: string, olds: Props, news: Props): Promise<UpdateResult> {
  if (isTerminal(olds.status)) throw finishedError(id, String(olds.status));
  const patch = patchOf(olds, news);
  const api = campaignApi();
  let campaign: CampaignView | undefined;
  if (Object.keys(patch).length > 0) {
    campaign = olds.status === "ongoing" ? await patchWhilePaused(api, id, patch) : await patchOrPause(api, id, patch);
  }
  // Nothing to send (a change Pulumi was told to ignore, say): the new inputs with the last observed state.
  const outs = campaignOutputs(news, campaign ? withKnownOrganization(campaign, olds) : (olds as unknown as Observed));
  return { outs: toPlainJson(outs) };
}

/**
 * The API's own window when none is declared (shared/vox-api.md: 08:00–20:00 every day). A PATCH cannot
 * remove a window, so removing it from the program sends this one.
 */
const API_DEFAULT_WINDOW = {
  windows: [{ days: [...DAYS], startMin: 480, endMin: 1200 }],
  timezone: "Asia/Seoul",
  autoResume: true,
};

function patchOf(olds: Props, news: Props): CampaignPatch {
  const patch: CampaignPatch = {};
  if (news.name !== olds.name) patch.name = news.name as string;
  if (!jsonEqual(news.callTimeWindow, olds.callTimeWindow)) {
    patch.callTimeWindow = (news.callTimeWindow ?? API_DEFAULT_WINDOW) as CampaignPatch["callTimeWindow"];
  }
  return patch;
}

/** State said draft, pending or paused; if it started meanwhile, the API answers 409 and we pause first. */
async function patchOrPause(api: CampaignApi, id: string, patch: CampaignPatch): Promise<CampaignView> {
  try {
    return await api.patch(id, patch);
  } catch (error) {
    if (!isInvalidState(error)) throw error;
    return patchWhilePaused(api, id, patch);
  }
}

async function patchWhilePaused(api: CampaignApi, id: string, patch: CampaignPatch): Promise<CampaignView> {
  try {
    await api.act(id, "pause");
  } catch (error) {
    if (!isInvalidState(error)) throw error;
    // Not pausable: finished meanwhile, or already paused (then the PATCH simply works).
    const current = await api.get(id);
    if (isTerminal(current.status)) throw finishedError(id, current.status);
    return api.patch(id, patch);
  }
  let patchError: unknown;
  try {
    await api.patch(id, patch);
  } catch (error) {
    patchError = error;
  }
  let resumed: CampaignView;
  try {
    resumed = await api.act(id, "resume");
  } catch (error) {
    const patchNote = patchError ? ` (the change itself failed: ${(patchError as Error).message})` : "";
    throw new Error(
      `campaign ${id} was paused to apply the change${patchNote} and could not be resumed: ` +
        `${(error as Error).message}; resume it in vox.ai, or run \`pulumi up\` again`,
    );
  }
  if (patchError) throw patchError;
  return resumed;
}

function finishedError(id: string, status: string): Error {
  return new Error(
    `campaign ${id} has finished (status ${status}) and can no longer be changed; revert the change, ` +
      "or run `pulumi refresh` if you think it is still running",
  );
}
