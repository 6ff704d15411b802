import { CampaignApi } from "../api/campaigns";
import { isNotFound } from "../api/errors";
import { CampaignView } from "../api/wire";
import type { CampaignTask } from "../campaign/args";
import { adoptMismatches } from "../campaign/fields";
import { CampaignInputs, campaignOutputs } from "../campaign/state";
import { checkedInputs } from "../campaign/validate";
import { loadTasksFile } from "../contact-lists/tasks-file";
import { VoxError } from "../errors";
import { toPlainJson } from "../values/json";
import { campaignApi } from "./client";
import { createExactlyOnce } from "./exactly-once";

export interface CreateResult {
  id: string;
  outs: Record<string, unknown>;
}

/**
 * Creates the campaign with one POST, or claims `adoptId` with one GET. Before the POST, one list request
 * looks for this resource's campaign from an earlier run that stopped before recording it (see
 * exactly-once.ts); a POST whose answer was lost is followed by lookups, never repeated blindly.
 */
export async function create(rawInputs: Record<string, unknown>): Promise<CreateResult> {
  const inputs = checkedInputs(rawInputs);
  const api = campaignApi();
  const campaign = inputs.adoptId !== undefined ? await adopt(api, inputs.adoptId, inputs) : await createOnce(api, inputs);
  try {
    return { id: campaign.id, outs: toPlainJson(campaignOutputs(inputs, campaign)) };
  } catch (error) {
    // The campaign exists: hand its id to the engine so state records it instead of orphaning it.
    throw Object.assign(
      new VoxError("RECORDING_FAILED", `campaign ${campaign.id} was created, but recording it failed: ${(error as Error).message}`),
      // The inputs arrived over gRPC, so they are plain JSON; with them a later diff and delete still work.
      { id: campaign.id, properties: { ...rawInputs, status: campaign.status } },
    );
  }
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
      throw new VoxError("ADOPT_NOT_FOUND", `adoptId: no campaign ${id} exists for this API key; check the id, or remove adoptId to create one`);
    }
    throw error;
  }
  const mismatches = adoptMismatches(campaign, inputs);
  if (mismatches.length > 0) {
    const list = mismatches.map((mismatch) => mismatch.text).join("; ");
    throw new VoxError("ADOPT_MISMATCH", `adoptId: campaign ${id} does not match this resource (${list}); make the declaration match the campaign`, {
      fields: mismatches.map((m) => m.field),
    });
  }
  return campaign;
}

async function createOnce(api: CampaignApi, inputs: CampaignInputs): Promise<CampaignView> {
  const tasks = tasksOf(inputs);
  return createExactlyOnce(api, inputs, () => api.create(inputs, tasks));
}
