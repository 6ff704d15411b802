import type { CampaignView } from "./wire";

/** Inputs as `check` left them (normalized), as they arrive in create, diff and update. */
export type CampaignInputs = Record<string, unknown> & {
  name: string;
  agentId: string;
  agentVersion: string;
  callFrom: string;
  concurrency: number;
  allowRedial: boolean;
  taskCount: number;
  tasksDigest: string;
};

/** What the API reports about a campaign: a CampaignView, or the outputs state kept from the last one. */
export type Observed = Pick<CampaignView, (typeof API_OUTPUT_KEYS)[number] | "scheduledAt">;

/** The outputs kept in state: every normalized input plus what the API reports about the campaign. */
export function campaignOutputs(inputs: Record<string, unknown>, view: Observed): Record<string, unknown> {
  return {
    ...inputs,
    presentationNumber: inputs.presentationNumber ?? null,
    scheduledAt: inputs.scheduledAt ?? view.scheduledAt,
    callTimeWindow: inputs.callTimeWindow ?? null,
    status: view.status,
    totalCalls: view.totalCalls,
    completedCalls: view.completedCalls,
    failedCalls: view.failedCalls,
    activeConcurrency: view.activeConcurrency,
    createdAt: view.createdAt,
    finishedAt: view.finishedAt,
    pausedAt: view.pausedAt,
    pausedBy: view.pausedBy,
    organizationId: view.organizationId,
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
