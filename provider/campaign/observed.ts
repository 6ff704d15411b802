import type { CampaignCallTimeWindow } from "./args";

/**
 * A campaign as the API reports it, under the names of `vox.Campaign`'s outputs (the one name for "a
 * campaign as observed": api/wire.ts reads every answer, v2 or v3, into it). Windows are `"HH:MM"`;
 * times ISO-8601 or null.
 */
export interface ObservedCampaign {
  /** The campaign id. */
  id: string;
  /** Campaign name in vox.ai. */
  name: string;
  /** `draft`, `pending`, `ongoing`, `paused`, `success`, `fail` or `canceled`. */
  status: string;
  /** UUID of the calling agent. */
  agentId: string;
  /** Agent version (`production`, `current` or `v<N>`). */
  agentVersion: string;
  /** The caller number, digits only. */
  callFrom: string;
  /** Default caller id, digits only, or null. */
  presentationNumber: string | null;
  /** Calls in the campaign. */
  totalCalls: number;
  /** Calls that ended completed. */
  completedCalls: number;
  /** Calls that failed or were canceled. */
  failedCalls: number;
  /** Calls at once. */
  concurrency: number;
  /** Calls in progress. */
  activeConcurrency: number;
  /** When the campaign was created. */
  createdAt: string | null;
  /** When the campaign starts or started. */
  scheduledAt: string | null;
  /** When it reached success, fail or canceled. */
  finishedAt: string | null;
  /** When it was last paused. */
  pausedAt: string | null;
  /** `user` or `system` (outside the call windows) while paused, else null. */
  pausedBy: string | null;
  /** `true` while paused by a user (`status` paused, `pausedBy` user). */
  paused: boolean;
  /** The call time window the campaign has. */
  callTimeWindow: CampaignCallTimeWindow | null;
  /** The organization; only v2 answers carry it, null from v3. */
  organizationId: string | null;
}

/** The declared fields whose value a read takes from the campaign (see {@link heldInputs}). */
export type HeldInputs = Partial<Pick<ObservedCampaign, "name" | "callTimeWindow" | "concurrency">>;

/**
 * What the campaign holds of its declared fields, as a read records it: state records what vox.ai holds, so
 * a change made there (in its dashboard: a rename, a window, a concurrency) shows as drift in a refresh and
 * the next `up` puts the declaration back. A field the answer does not carry is left out (the API gives
 * concurrency 1–100, so 0 is an answer without it). `paused` is read from the status (runtime/update.ts).
 */
export function heldInputs(campaign: ObservedCampaign): HeldInputs {
  return {
    name: campaign.name,
    ...(campaign.callTimeWindow ? { callTimeWindow: campaign.callTimeWindow } : {}),
    ...(campaign.concurrency > 0 ? { concurrency: campaign.concurrency } : {}),
  };
}

/** The public name of {@link ObservedCampaign} (what `getCampaign` returns). */
export type CampaignDescription = ObservedCampaign;

export const TERMINAL_STATUSES = ["success", "fail", "canceled"];

/** Finished: success, fail or canceled. Nothing changes or restarts it. */
export function isTerminal(status: unknown): boolean {
  return typeof status === "string" && TERMINAL_STATUSES.includes(status);
}

/** Paused by a user (or by this provider): it stays paused until someone resumes it. */
export function isPausedByUser(campaign: Pick<ObservedCampaign, "status" | "pausedBy">): boolean {
  return campaign.status === "paused" && campaign.pausedBy === "user";
}
