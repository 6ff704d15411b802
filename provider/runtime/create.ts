import type { NormalizedTask } from "../schema/campaign";
import { CampaignApi, CreateFields } from "./api";
import { campaignApi } from "./context";
import { UncertainOutcomeError, isNotFound } from "./errors";
import { toPlainJson } from "./plain";
import { campaignOutputs } from "./state";
import { CampaignView } from "./wire";

export interface CreateResult {
  id: string;
  outs: Record<string, unknown>;
}

/** How far back (in ms, before the POST) a lost create is looked for: allows for clock skew. */
const LOOKBACK_MS = 5 * 60_000;
/** Pause before looking a second time, for a create the API may still be committing. */
const SECOND_LOOK_DELAY_MS = 2_000;

type Props = Record<string, unknown>;

/**
 * Creates the campaign with exactly one POST, or claims `adoptId` with one GET. A POST whose answer was
 * lost is never repeated blindly: the campaign is looked up first and adopted when found.
 */
export async function create(inputs: Props, loadTasks: (inputs: Props) => Promise<NormalizedTask[]>): Promise<CreateResult> {
  const api = campaignApi();
  const campaign = typeof inputs.adoptId === "string" ? await adopt(api, inputs) : await createOnce(api, inputs, loadTasks);
  try {
    return { id: campaign.id, outs: toPlainJson(campaignOutputs(inputs, campaign)) };
  } catch (error) {
    // The campaign exists: hand its id to the engine so state records it instead of orphaning it.
    throw Object.assign(new Error(`campaign ${campaign.id} was created, but recording it failed: ${(error as Error).message}`), {
      id: campaign.id,
      // The inputs arrived over gRPC, so they are plain JSON; with them a later diff and delete still work.
      properties: { ...inputs, status: campaign.status },
    });
  }
}

async function adopt(api: CampaignApi, inputs: Props): Promise<CampaignView> {
  const id = inputs.adoptId as string;
  let campaign: CampaignView;
  try {
    campaign = await api.get(id);
  } catch (error) {
    if (isNotFound(error)) {
      throw new Error(`adoptId: no campaign ${id} exists for this API key; check the id, or remove adoptId to create one`);
    }
    throw error;
  }
  const mismatches = [
    ["agentId", campaign.agentId, inputs.agentId],
    ["agentVersion", campaign.agentVersion, inputs.agentVersion],
    ["callFrom", campaign.fromNumber, inputs.callFrom],
    ["concurrency", campaign.concurrency, inputs.concurrency],
  ].filter(([, actual, declared]) => actual !== declared);
  if (mismatches.length > 0) {
    const list = mismatches.map(([field, actual, declared]) => `${field} is ${actual}, declared ${declared}`).join("; ");
    throw new Error(`adoptId: campaign ${id} does not match this resource (${list}); make the declaration match the campaign`);
  }
  return campaign;
}

async function createOnce(
  api: CampaignApi,
  inputs: Props,
  loadTasks: (inputs: Props) => Promise<NormalizedTask[]>,
): Promise<CampaignView> {
  const fields = createFields(inputs);
  const tasks = await loadTasks(inputs);
  const sentAt = Date.now();
  try {
    return await api.create(fields, tasks);
  } catch (error) {
    if (!(error instanceof UncertainOutcomeError)) throw error;
    const found = await findLostCreate(api, fields, tasks.length, sentAt, error);
    if (found) return found;
    // Two looks found nothing: the API never made it, so one more POST cannot call anyone twice.
    return api.create(fields, tasks);
  }
}

/** Looks twice for the campaign a lost answer may have created; throws when the result is ambiguous. */
async function findLostCreate(
  api: CampaignApi,
  fields: CreateFields,
  taskCount: number,
  sentAt: number,
  cause: Error,
): Promise<CampaignView | undefined> {
  for (let look = 0; look < 2; look++) {
    if (look > 0) await new Promise((r) => setTimeout(r, SECOND_LOOK_DELAY_MS));
    let recent: CampaignView[];
    try {
      recent = await api.listCreatedSince(fields.agentId, sentAt - LOOKBACK_MS);
    } catch (listError) {
      throw new Error(
        `creating campaign "${fields.name}" may have succeeded (${cause.message}), and looking it up failed ` +
          `(${(listError as Error).message}). Do not run the update again yet: find the campaign in vox.ai and ` +
          "set `adoptId` to its id, or confirm that it does not exist.",
      );
    }
    const matches = recent.filter(
      (c) => c.name === fields.name && c.totalCalls === taskCount && c.status !== "canceled",
    );
    if (matches.length === 1) return matches[0];
    if (matches.length > 1) {
      throw new Error(
        `creating campaign "${fields.name}" lost its answer (${cause.message}) and ${matches.length} recent campaigns ` +
          `match it (${matches.map((c) => c.id).join(", ")}); set \`adoptId\` to the right one and cancel the others`,
      );
    }
  }
  return undefined;
}

function createFields(inputs: Props): CreateFields {
  return {
    name: inputs.name as string,
    agentId: inputs.agentId as string,
    agentVersion: inputs.agentVersion as string,
    callFrom: inputs.callFrom as string,
    presentationNumber: inputs.presentationNumber as string | undefined,
    scheduledAt: inputs.scheduledAt as string | undefined,
    concurrency: inputs.concurrency as number,
    callTimeWindow: inputs.callTimeWindow as CreateFields["callTimeWindow"],
  };
}
