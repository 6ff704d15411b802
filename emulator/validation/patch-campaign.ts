import { validationError } from "../errors";
import { CallTimeWindow } from "../campaigns/model";
import { readCallTimeWindow } from "./call-time-window";
import { BODY_FIELD, readCampaignName, readObject, rejectUnknownFields } from "./fields";

const PATCH_FIELDS = ["name", "call_time_window"] as const;

/** A validated PATCH /v3/campaigns/{id} body: at least one of the two. */
export interface PatchCampaignInput {
  name?: string;
  /** Replaces the whole object. */
  callTimeWindow?: CallTimeWindow;
}

/** Validates a PATCH body; `{}`, a null or blank name and any other field are 400 VALIDATION_ERROR. */
export function validatePatchCampaign(body: unknown): PatchCampaignInput {
  const object = readObject(body, "");
  rejectUnknownFields(object, PATCH_FIELDS, "");
  if (object.name === undefined && object.call_time_window === undefined) {
    throw validationError(BODY_FIELD, "must contain name and/or call_time_window", PATCH_FIELDS);
  }
  const patch: PatchCampaignInput = {};
  if (object.name !== undefined) patch.name = readCampaignName(object.name, "name");
  if (object.call_time_window !== undefined) patch.callTimeWindow = readCallTimeWindow(object.call_time_window, "call_time_window");
  return patch;
}
