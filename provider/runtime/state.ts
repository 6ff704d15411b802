import type { CampaignView } from "./wire";

/** What the API reports about a campaign: a CampaignView, or the outputs state kept from the last one. */
export type Observed = Pick<CampaignView, (typeof API_OUTPUT_KEYS)[number] | "scheduledAt">;

/** The outputs kept in state: every normalized input plus what the API reports about the campaign. */
export function campaignOutputs(inputs: Record<string, unknown>, view: Observed): Record<string, unknown> {
  return {
    ...inputs,
    presentationNumber: inputs.presentationNumber ?? null,
    scheduledAt: inputs.scheduledAt ?? view.scheduledAt,
    callTimeWindow: inputs.callTimeWindow ?? null,
    ...Object.fromEntries(API_OUTPUT_KEYS.map((key) => [key, view[key]])),
  };
}

/** Output keys that only the API decides; never part of the inputs. */
export const API_OUTPUT_KEYS = [
  "status",
  "totalCalls",
  "completedCalls",
  "failedCalls",
  "activeConcurrency",
  "createdAt",
  "finishedAt",
  "pausedAt",
  "pausedBy",
  "organizationId",
] as const;

/** The observed fields of a v3 answer, keeping the organization that only v2 answers name. */
export function withKnownOrganization(view: CampaignView, previous: Record<string, unknown>): CampaignView {
  const known = typeof previous.organizationId === "string" ? previous.organizationId : null;
  return { ...view, organizationId: view.organizationId ?? known };
}
