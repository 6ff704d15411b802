/**
 * Changes in place: the PATCH of the in-place fields (pausing a running campaign around it), and the
 * declared pause (`paused`), applied with the API's pause and resume actions (never a PATCH). An answer
 * to a pause or resume that is lost, or a 409, is never taken for success or failure: the campaign is
 * read (one GET) and the work goes on from its real status, so a lost answer neither leaves a campaign
 * calling that was declared paused nor sends a second action that changes something.
 */
import { CampaignApi } from "../api/campaigns";
import { UncertainOutcomeError, isInvalidState } from "../api/errors";
import { FieldName, changedFields, inPlaceFields } from "../campaign/fields";
import { ObservedCampaign, isPausedByUser, isTerminal } from "../campaign/observed";
import { CampaignInputs, CampaignState, campaignOutputs, inputsOfState, withKnownOrganization } from "../campaign/state";
import { VoxError, messageOf } from "../errors";
import { describeCallTimeWindow } from "../values/call-windows";
import { toPlainJson } from "../values/json";
import { knownCampaigns } from "./known-campaigns";
import { recordedFailure } from "./recorded-failure";

/** Pause requests sent before giving up on a campaign that stays running. */
const MAX_PAUSES = 3;

/**
 * Applies the in-place fields that changed with one PATCH. The API refuses a PATCH while the campaign
 * is ongoing, so then it pauses, patches and resumes (resuming even when the patch fails). A finished
 * campaign cannot change: that is an error saying so. `paused` is applied by the pause and resume
 * actions (below); a campaign declared paused is never resumed by the patch cycle.
 */
export async function updateCampaign(api: CampaignApi, id: string, olds: CampaignState, news: CampaignInputs): Promise<CampaignState> {
  if (isTerminal(olds.status)) throw finishedError(id, olds.status);
  const changed = changedFields(olds, news, id);
  const fields = inPlaceFields(changed, "patch");
  const pausedChanged = inPlaceFields(changed, "pause or resume").length > 0;
  let campaign: ObservedCampaign | undefined;
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
  // A rename: a later create of this process under the new name sees the campaign (see known-campaigns.ts).
  if (campaign && fields.includes("name")) knownCampaigns(api).learn(campaign);
  // Nothing to send (a change Pulumi was told to ignore, say): the new inputs with the last observed state.
  return campaignOutputs(news, campaign ? withKnownOrganization(campaign, olds) : olds);
}

/**
 * A RESUME_FAILED leaves the campaign paused by us, or in a status that could not be read. Recorded as
 * paused (the engine keeps the outputs an error carries with the campaign's id), state then says
 * `paused: true`, so the `pulumi up` the message advises sees the declared `paused: false` as a change and
 * resumes it (a resume that did take meets 409, and one GET shows it running); without them state would
 * say running and that `up` would find nothing to do, or pause it again for the change and leave it
 * paused, since a campaign found paused counts as paused by someone else (issue 18.5).
 */
function withPausedState(error: unknown, id: string, olds: CampaignState, news: CampaignInputs): unknown {
  if (!(error instanceof VoxError) || error.code !== "RESUME_FAILED") return error;
  const inputs = error.details.changeApplied === true ? news : inputsOfState(olds);
  const outputs = campaignOutputs({ ...inputs, paused: true }, { ...olds, status: "paused", pausedBy: "user" });
  return recordedFailure(error, id, toPlainJson(outputs));
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
): Promise<ObservedCampaign | undefined> {
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
async function patchOrPause(api: CampaignApi, id: string, fields: FieldName[], news: CampaignInputs): Promise<ObservedCampaign> {
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
async function patchWhilePaused(api: CampaignApi, id: string, fields: FieldName[], news: CampaignInputs): Promise<ObservedCampaign> {
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
      `the change to campaign ${id} failed: ${messageOf(patchError)}. The campaign was resumed (status ${resumed.status}); ` +
        "fix the cause and run `pulumi up` again",
      { campaignId: id, status: resumed.status },
    );
  }
  return resumed;
}

/** Pauses the campaign; `byUs: false` when it was already paused (then it stays paused after the change). */
async function pauseForPatch(api: CampaignApi, id: string): Promise<{ byUs: boolean }> {
  for (let attempt = 1; ; attempt++) {
    let failure: unknown;
    try {
      await api.act(id, "pause", "once");
      return { byUs: true };
    } catch (error) {
      if (!isInvalidState(error) && !(error instanceof UncertainOutcomeError)) throw error;
      failure = error;
    }
    const current = await api.get(id);
    if (isTerminal(current.status)) throw finishedError(id, current.status);
    // After a lost answer a paused campaign is our pause (it was running a moment ago); after a 409 it was paused already.
    if (current.status === "paused") return { byUs: failure instanceof UncertainOutcomeError };
    if (isInvalidState(failure) || attempt >= MAX_PAUSES) {
      throw new VoxError(
        "PAUSE_FAILED",
        `campaign ${id} could not be paused to apply the change (${messageOf(failure)}); it is ${current.status} and unchanged. Run \`pulumi up\` again`,
        { campaignId: id, status: current.status },
      );
    }
  }
}

/** Resumes after the change; when the answer is lost, the campaign's real status says whether it worked. */
async function resumeAfterPatch(api: CampaignApi, id: string, patchError: unknown): Promise<ObservedCampaign> {
  let failure: unknown;
  try {
    return await api.act(id, "resume", "once");
  } catch (error) {
    failure = error;
  }
  let current: ObservedCampaign | undefined;
  try {
    current = await api.get(id);
  } catch {
    // Reported below: the status is unknown.
  }
  // Resumed, or waiting for its window (paused by the system), or finished meanwhile: not left paused by us.
  if (current && !(current.status === "paused" && current.pausedBy === "user")) return current;
  const patchNote = patchError ? ` (the change itself failed: ${messageOf(patchError)})` : "";
  throw new VoxError(
    "RESUME_FAILED",
    `campaign ${id} was paused to apply the change${patchNote} and resuming it failed (${messageOf(failure)}); ` +
      (current
        ? "it is still paused: resume it in vox.ai, or run `pulumi up` again"
        : "its status could not be read: run `pulumi up` again, which resumes it if it is still paused"),
    { campaignId: id, status: current?.status ?? null, changeApplied: !patchError },
  );
}

type PauseView = Pick<ObservedCampaign, "status" | "pausedBy" | "callTimeWindow">;

/**
 * The `paused` a campaign has in fact, as a refresh takes it into the inputs; undefined when its status
 * does not say (a draft, a finished campaign, or one paused outside its windows that will not resume by
 * itself — `autoResume: false` — which waits for a resume just as a paused one does).
 */
export function observedPaused(campaign: PauseView): boolean | undefined {
  if (campaign.status === "pending" || campaign.status === "ongoing") return false;
  if (campaign.status !== "paused") return undefined;
  if (campaign.pausedBy === "user") return true;
  return campaign.callTimeWindow?.autoResume === false ? undefined : false;
}

/** Only these two answers leave the outcome to be read from the campaign. */
function outcomeToRead(error: unknown): boolean {
  return isInvalidState(error) || error instanceof UncertainOutcomeError;
}

/**
 * Pauses the campaign (1 request; after a 409 or a lost answer, 1 GET and at most 1 more pause). A
 * campaign already paused by a user counts as done; a draft, or one paused outside its windows that
 * resumes by itself, cannot be paused: that is an error saying what to do.
 */
export async function pauseCampaign(api: CampaignApi, id: string): Promise<ObservedCampaign> {
  try {
    return await api.act(id, "pause");
  } catch (error) {
    if (!outcomeToRead(error)) throw error;
  }
  const campaign = await api.get(id);
  if (isPausedByUser(campaign) || (campaign.status === "paused" && observedPaused(campaign) === undefined)) return campaign;
  if (isTerminal(campaign.status)) throw finishedWhilePausing(id, campaign.status);
  // Pending or ongoing: the first request never took effect, so one more cannot pause twice.
  if (campaign.status === "pending" || campaign.status === "ongoing") return api.act(id, "pause");
  throw pauseNotPossible(id, campaign);
}

/**
 * Resumes a campaign paused by a user (1 request; after a 409 or a lost answer, 1 GET and at most 1
 * more resume). Outside its windows the API keeps it paused "by the system" until one opens.
 */
async function resumeCampaign(api: CampaignApi, id: string): Promise<ObservedCampaign> {
  try {
    return await api.act(id, "resume");
  } catch (error) {
    if (!outcomeToRead(error)) throw error;
  }
  const campaign = await api.get(id);
  if (isTerminal(campaign.status)) throw finishedWhilePausing(id, campaign.status);
  // Running, or waiting for its window: resumed as far as the API goes.
  if (campaign.status !== "paused" || campaign.pausedBy !== "user") return campaign;
  return api.act(id, "resume");
}

/**
 * `paused: false` resumes only a campaign that the last up or refresh saw paused by a user, or that was
 * declared paused; one paused by the system is left to its windows, and a running one needs nothing.
 * Returns undefined when no request was needed.
 */
async function resumeIfPaused(
  api: CampaignApi,
  id: string,
  known: Pick<ObservedCampaign, "status" | "pausedBy">,
  wasDeclaredPaused: boolean,
): Promise<ObservedCampaign | undefined> {
  if (known.status !== "paused" || (known.pausedBy !== "user" && !wasDeclaredPaused)) return undefined;
  return resumeCampaign(api, id);
}

function pauseNotPossible(id: string, campaign: ObservedCampaign): VoxError {
  const why =
    campaign.status === "draft"
      ? `it is a draft until its start time ${campaign.scheduledAt ?? ""}`.trimEnd()
      : `it is paused by the system outside its call windows (${describeCallTimeWindow(campaign.callTimeWindow)}) ` +
        "and resumes by itself when the next one opens";
  return new VoxError(
    "PAUSE_NOT_POSSIBLE",
    `paused: campaign ${id} cannot be paused now: ${why}, and the API pauses only pending or ongoing campaigns. ` +
      "Run `pulumi up` again once it has started, or set callTimeWindow.autoResume to false so that it waits " +
      "outside its windows for a resume, or remove it from the program to cancel it",
    { campaignId: id, status: campaign.status, pausedBy: campaign.pausedBy },
  );
}

function finishedWhilePausing(id: string, status: string): VoxError {
  return new VoxError("CAMPAIGN_FINISHED", `campaign ${id} has finished (status ${status}): there is nothing left to pause or resume`, {
    campaignId: id,
    status,
  });
}

/**
 * A finished campaign (success, fail, canceled) cannot change, and nothing can restart it: the error
 * says what to do with its declaration instead. Raised by diff, so `pulumi preview` fails too, and by
 * update when the campaign finished after the preview.
 */
export function finishedError(id: string, status: string): VoxError {
  return new VoxError(
    "CAMPAIGN_FINISHED",
    `campaign ${id} has finished (status ${status}) and can no longer be changed. Revert the change; or remove the ` +
      "campaign from the program or its campaign file (`pulumi destroy` of a finished campaign sends nothing, and vox.ai " +
      "keeps its history); or, to call the list again, declare a new campaign under a new resource name. " +
      "If you think it is still running, run `pulumi refresh` first.",
    { campaignId: id, status },
  );
}
