import type { CampaignView } from "../api/wire";

/**
 * A campaign as the API reports it, under the names of `vox.Campaign`'s outputs: the caller number as
 * `callFrom`, and `paused` (true while paused by a user). Windows are `"HH:MM"`; times ISO-8601 or null.
 */
export type CampaignDescription = Omit<CampaignView, "fromNumber"> & {
  /** The caller number, digits only. */
  callFrom: string;
  /** `true` while paused by a user (`status` paused, `pausedBy` user). */
  paused: boolean;
};

/** Paused by a user (or by this provider): it stays paused until someone resumes it. */
export function isPausedByUser(campaign: Pick<CampaignView, "status" | "pausedBy">): boolean {
  return campaign.status === "paused" && campaign.pausedBy === "user";
}

/** The campaign's fields under the resource's names: `fromNumber` is `callFrom`, a user's pause is `paused`. */
export function describeCampaign(view: CampaignView): CampaignDescription {
  const { fromNumber, ...rest } = view;
  return { ...rest, callFrom: fromNumber, paused: isPausedByUser(view) };
}
