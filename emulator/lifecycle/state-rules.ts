import { ApiError } from "../errors";
import { CampaignRecord, CampaignStatus } from "../campaigns/model";

/** The requests that are only allowed in some statuses. */
export type CampaignAction = "pause" | "resume" | "cancel" | "update";

/** The statuses in which each action is allowed (the contract's rules). */
export const ALLOWED_STATUSES: Readonly<Record<CampaignAction, readonly CampaignStatus[]>> = {
  pause: ["pending", "ongoing"],
  resume: ["paused"],
  cancel: ["draft", "pending", "ongoing", "paused"],
  update: ["draft", "pending", "paused"],
};

/** Throws 409 INVALID_STATE, listing the statuses that would allow it, when the action is not allowed now. */
export function assertActionAllowed(campaign: CampaignRecord, action: CampaignAction): void {
  const allowed = ALLOWED_STATUSES[action];
  if (!allowed.includes(campaign.status)) {
    throw new ApiError(409, "INVALID_STATE", {
      field: "status",
      reason: `cannot ${action} a campaign whose status is ${campaign.status}`,
      allowed_values: allowed,
    });
  }
}
