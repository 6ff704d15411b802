import { CampaignApi } from "../api/campaigns";
import { UncertainOutcomeError, isInvalidState } from "../api/errors";
import { CampaignView, isTerminal } from "../api/wire";
import { FieldName, changedFields, inPlaceFields } from "../campaign/fields";
import { CampaignInputs, CampaignState, campaignOutputs, inputsOfState, stateFromOutputs, withKnownOrganization } from "../campaign/state";
import { checkedInputs } from "../campaign/validate";
import { VoxError } from "../errors";
import { finishedError } from "./finished";
import { toPlainJson } from "../values/json";
import { campaignApi } from "./client";
import { pauseCampaign, resumeIfPaused } from "./paused";

/** Pause requests sent before giving up on a campaign that stays running. */
const MAX_PAUSES = 3;

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
    try {
      campaign = olds.status === "ongoing" ? await patchWhilePaused(api, id, fields, news) : await patchOrPause(api, id, fields, news);
    } catch (error) {
      throw withPausedState(error, id, olds, news);
    }
  }
  if (!news.paused && pausedChanged) campaign = (await resumeIfPaused(api, id, campaign ?? olds, inputsOfState(olds).paused)) ?? campaign;
  // Nothing to send (a change Pulumi was told to ignore, say): the new inputs with the last observed state.
  const outs = campaignOutputs(news, campaign ? withKnownOrganization(campaign, olds) : olds);
  return { outs: toPlainJson(outs) };
}

/**
 * A RESUME_FAILED leaves the campaign paused by us. Recorded as it is (the engine keeps the outputs an
 * error carries with the campaign's id), state then says `paused: true`, so the `pulumi up` the message
 * advises sees the declared `paused: false` as a change and resumes it; without them state would say
 * running and that `up` would find nothing to do (issue 18.5).
 */
function withPausedState(error: unknown, id: string, olds: CampaignState, news: CampaignInputs): unknown {
  if (!(error instanceof VoxError) || error.code !== "RESUME_FAILED" || error.details.status !== "paused") return error;
  const inputs = error.details.changeApplied === true ? news : inputsOfState(olds);
  const outputs = campaignOutputs({ ...inputs, paused: true }, { ...olds, status: "paused", pausedBy: "user" });
  // With an id, the engine prints the `reasons` ("resource init failed" when there are none), not the message.
  return Object.assign(error, { id, properties: toPlainJson(outputs), reasons: [error.message] });
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

/**
 * Pause, PATCH, resume. Pause and resume are sent once: when an answer is lost, the campaign is read and
 * the update continues from its real status (a repeated pause would meet 409 and hide that the first one
 * worked, leaving the campaign paused). A campaign that was running is never left paused by a successful
 * update, and every error says the status the campaign is in.
 */
async function patchWhilePaused(api: CampaignApi, id: string, fields: FieldName[], news: CampaignInputs): Promise<CampaignView> {
  const paused = await pauseForPatch(api, id);
  if (!paused.byUs) return api.patch(id, fields, news);
  let patchError: unknown;
  try {
    await api.patch(id, fields, news);
  } catch (error) {
    patchError = error;
  }
  const resumed = await resumeAfterPatch(api, id, patchError);
  if (patchError) {
    throw new VoxError(
      "UPDATE_FAILED",
      `the change to campaign ${id} failed: ${(patchError as Error).message}. The campaign was resumed (status ${resumed.status}); ` +
        "fix the cause and run `pulumi up` again",
      { campaignId: id, status: resumed.status },
    );
  }
  return resumed;
}

/** Pauses the campaign; `byUs: false` when it was already paused (then it stays paused after the change). */
async function pauseForPatch(api: CampaignApi, id: string): Promise<{ byUs: boolean }> {
  for (let attempt = 1; ; attempt++) {
    let failure: Error;
    try {
      await api.act(id, "pause", "once");
      return { byUs: true };
    } catch (error) {
      if (!isInvalidState(error) && !(error instanceof UncertainOutcomeError)) throw error;
      failure = error as Error;
    }
    const current = await api.get(id);
    if (isTerminal(current.status)) throw finishedError(id, current.status);
    // After a lost answer a paused campaign is our pause (it was running a moment ago); after a 409 it was paused already.
    if (current.status === "paused") return { byUs: failure instanceof UncertainOutcomeError };
    if (isInvalidState(failure) || attempt >= MAX_PAUSES) {
      throw new VoxError(
        "PAUSE_FAILED",
        `campaign ${id} could not be paused to apply the change (${failure.message}); it is ${current.status} and unchanged. Run \`pulumi up\` again`,
        { campaignId: id, status: current.status },
      );
    }
  }
}

/** Resumes after the change; when the answer is lost, the campaign's real status says whether it worked. */
async function resumeAfterPatch(api: CampaignApi, id: string, patchError: unknown): Promise<CampaignView> {
  let failure: Error;
  try {
    return await api.act(id, "resume", "once");
  } catch (error) {
    failure = error as Error;
  }
  let current: CampaignView | undefined;
  try {
    current = await api.get(id);
  } catch {
    // Reported below: the status is unknown.
  }
  // Resumed, or waiting for its window (paused by the system), or finished meanwhile: not left paused by us.
  if (current && !(current.status === "paused" && current.pausedBy === "user")) return current;
  const patchNote = patchError ? ` (the change itself failed: ${(patchError as Error).message})` : "";
  throw new VoxError(
    "RESUME_FAILED",
    `campaign ${id} was paused to apply the change${patchNote} and resuming it failed (${failure.message}); ` +
      (current ? "it is still paused: resume it in vox.ai, or run `pulumi up` again" : "its status could not be read: check it in vox.ai"),
    { campaignId: id, status: current?.status ?? null, changeApplied: !patchError },
  );
}
