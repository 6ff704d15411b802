import { CampaignApi } from "../api/campaigns";
import { isNotFound } from "../api/errors";
import { CampaignView } from "../api/wire";
import type { CampaignTask } from "../campaign/args";
import { isPausedByUser } from "../campaign/description";
import { adoptMismatches } from "../campaign/fields";
import { CampaignInputs, campaignOutputs } from "../campaign/state";
import { checkedInputs } from "../campaign/validate";
import { loadTasksFile } from "../contact-lists/tasks-file";
import { VoxError } from "../errors";
import { toPlainJson } from "../values/json";
import { campaignApi } from "./client";
import { createExactlyOnce } from "./exactly-once";
import { observedPaused, pauseCampaign } from "./paused";

export interface CreateResult {
  id: string;
  outs: Record<string, unknown>;
}

/**
 * Creates the campaign with one POST, or claims `adoptId` with one GET. Before the POST, one list request
 * looks for this resource's campaign from an earlier run that stopped before recording it (see
 * exactly-once.ts); a POST whose answer was lost is followed by lookups, never repeated blindly.
 * `paused: true` pauses it right after (1 more request).
 */
export async function create(rawInputs: Record<string, unknown>): Promise<CreateResult> {
  const inputs = checkedInputs(rawInputs);
  const api = campaignApi();
  let campaign = inputs.adoptId !== undefined ? await adopt(api, inputs.adoptId, inputs) : await createOnce(api, inputs);
  if (inputs.paused && !isPausedByUser(campaign)) campaign = await pauseCreated(api, campaign, rawInputs);
  // An adopted campaign may be paused or running against the declaration: recorded as it is, the next `up` applies it.
  const recorded = inputs.adoptId !== undefined ? { ...inputs, paused: observedPaused(campaign) ?? inputs.paused } : inputs;
  try {
    return { id: campaign.id, outs: toPlainJson(campaignOutputs(recorded, campaign)) };
  } catch (error) {
    // The campaign exists: hand its id to the engine so state records it instead of orphaning it.
    throw Object.assign(
      new VoxError("RECORDING_FAILED", `campaign ${campaign.id} was created, but recording it failed: ${(error as Error).message}`),
      { id: campaign.id, properties: partialOutputs(rawInputs, { status: campaign.status }) },
    );
  }
}

/**
 * `paused: true` on a new campaign: created, then paused at once. When the pause fails the campaign exists
 * and may be calling: the error says so, and carries its id with `paused: false` so that state records the
 * campaign and the next `up` pauses it.
 */
async function pauseCreated(api: CampaignApi, campaign: CampaignView, rawInputs: Record<string, unknown>): Promise<CampaignView> {
  try {
    return await pauseCampaign(api, campaign.id);
  } catch (error) {
    throw Object.assign(
      new VoxError(
        "PAUSE_AFTER_CREATE_FAILED",
        `campaign ${campaign.id} was created but pausing it failed (${(error as Error).message}); it may be calling ` +
          "now: pause it in vox.ai, or run `pulumi up` again to pause it",
        { campaignId: campaign.id },
      ),
      { id: campaign.id, properties: partialOutputs(rawInputs, { paused: false, status: campaign.status }) },
    );
  }
}

/**
 * What state records of a campaign whose create failed after it existed: the inputs (they arrived over
 * gRPC, so they are plain JSON; with them a later diff and delete still work) without the task list,
 * which outputs never hold, and what is known of the campaign.
 */
function partialOutputs(rawInputs: Record<string, unknown>, known: Record<string, unknown>): Record<string, unknown> {
  const { tasks: _taskList, ...inputs } = rawInputs;
  return { ...inputs, ...known };
}

/** The tasks a create sends: the inline list checked by `check`, or the contact list `tasksFile` names. */
function tasksOf(inputs: CampaignInputs): CampaignTask[] {
  return inputs.tasks ?? loadTasksFile(inputs.tasksFile ?? "", inputs.tasksDigest);
}

async function adopt(api: CampaignApi, id: string, inputs: CampaignInputs): Promise<CampaignView> {
  let campaign: CampaignView;
  try {
    campaign = await api.get(id);
  } catch (error) {
    if (isNotFound(error)) {
      throw new VoxError(
        "ADOPT_NOT_FOUND",
        `adoptId: no campaign ${id} exists for this API key; check the id, or remove adoptId to create one`,
      );
    }
    throw error;
  }
  const mismatches = adoptMismatches(campaign, inputs);
  if (mismatches.length > 0) {
    const list = mismatches.map((mismatch) => mismatch.text).join("; ");
    throw new VoxError(
      "ADOPT_MISMATCH",
      `adoptId: campaign ${id} does not match this resource (${list}); make the declaration match the campaign`,
      {
        fields: mismatches.map((m) => m.field),
      },
    );
  }
  return campaign;
}

async function createOnce(api: CampaignApi, inputs: CampaignInputs): Promise<CampaignView> {
  const tasks = tasksOf(inputs);
  return createExactlyOnce(api, inputs, (sends) => api.create(inputs, tasks, sends));
}
