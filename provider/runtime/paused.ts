/**
 * The declared pause (`paused`), applied with the API's pause and resume actions (never a PATCH). An
 * answer that is lost or a 409 is never taken for success or failure: the campaign is read (one GET)
 * and the work goes on from its real status, so a lost answer neither leaves a campaign calling that
 * was declared paused nor sends a second action that changes something.
 */
import { CampaignApi } from "../api/campaigns";
import { UncertainOutcomeError, isInvalidState } from "../api/errors";
import { CampaignView, isTerminal } from "../api/wire";
import { isPausedByUser } from "../campaign/description";
import { VoxError } from "../errors";
import type { Observed } from "../campaign/state";
import { describeCallTimeWindow } from "../values/call-windows";

type PauseView = Pick<CampaignView, "status" | "pausedBy" | "callTimeWindow">;

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
export async function pauseCampaign(api: CampaignApi, id: string): Promise<CampaignView> {
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
export async function resumeCampaign(api: CampaignApi, id: string): Promise<CampaignView> {
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
export async function resumeIfPaused(
  api: CampaignApi,
  id: string,
  known: Pick<Observed, "status" | "pausedBy">,
  wasDeclaredPaused: boolean,
): Promise<CampaignView | undefined> {
  if (known.status !== "paused" || (known.pausedBy !== "user" && !wasDeclaredPaused)) return undefined;
  return resumeCampaign(api, id);
}

function pauseNotPossible(id: string, campaign: CampaignView): VoxError {
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
