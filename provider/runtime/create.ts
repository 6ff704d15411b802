import { CampaignApi } from "../api/campaigns";
import { UncertainOutcomeError, isNotFound } from "../api/errors";
import { CampaignView } from "../api/wire";
import type { CampaignTask } from "../campaign/args";
import { adoptMismatches } from "../campaign/fields";
import { CampaignInputs, campaignOutputs } from "../campaign/state";
import { checkedInputs } from "../campaign/validate";
import { loadTasksFile } from "../contact-lists/tasks-file";
import { VoxError } from "../errors";
import { toPlainJson } from "../values/json";
import { campaignApi } from "./client";

export interface CreateResult {
  id: string;
  outs: Record<string, unknown>;
}

/** How far back (in ms, before the POST) a lost create is looked for: allows for clock skew. */
const LOOKBACK_MS = 5 * 60_000;
/** Pause before looking a second time, for a create the API may still be committing. */
const SECOND_LOOK_DELAY_MS = 2_000;

/**
 * Creates the campaign with exactly one POST, or claims `adoptId` with one GET. A POST whose answer was
 * lost is never repeated blindly: the campaign is looked up first and adopted when found.
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
  const sentAt = Date.now();
  try {
    return await api.create(inputs, tasks);
  } catch (error) {
    if (!(error instanceof UncertainOutcomeError)) throw error;
    const found = await findLostCreate(api, inputs, sentAt, error);
    if (found) return found;
    // Two looks found nothing: the API never made it, so one more POST cannot call anyone twice.
    return api.create(inputs, tasks);
  }
}

/** Looks twice for the campaign a lost answer may have created; throws when the result is ambiguous. */
async function findLostCreate(api: CampaignApi, inputs: CampaignInputs, sentAt: number, cause: Error): Promise<CampaignView | undefined> {
  for (let look = 0; look < 2; look++) {
    if (look > 0) await new Promise((r) => setTimeout(r, SECOND_LOOK_DELAY_MS));
    let recent: CampaignView[];
    try {
      recent = await api.listCreatedSince(inputs.agentId, sentAt - LOOKBACK_MS);
    } catch (listError) {
      throw new VoxError(
        "CREATE_UNCERTAIN",
        `creating campaign "${inputs.name}" may have succeeded (${cause.message}), and looking it up failed ` +
          `(${(listError as Error).message}). Do not run the update again yet: find the campaign in vox.ai and ` +
          "set `adoptId` to its id, or confirm that it does not exist.",
      );
    }
    const matches = recent.filter((c) => c.name === inputs.name && c.totalCalls === inputs.taskCount && c.status !== "canceled");
    if (matches.length === 1) return matches[0];
    if (matches.length > 1) {
      throw new VoxError(
        "CREATE_UNCERTAIN",
        `creating campaign "${inputs.name}" lost its answer (${cause.message}) and ${matches.length} recent campaigns ` +
          `match it (${matches.map((c) => c.id).join(", ")}); set \`adoptId\` to the right one and cancel the others`,
      );
    }
  }
  return undefined;
}
