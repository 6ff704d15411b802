import { VoxError } from "../errors";

/**
 * A finished campaign (success, fail, canceled) cannot change, and nothing can restart it: the error
 * says what to do with its declaration instead. Raised by diff, so `pulumi preview` fails too, and by
 * update when the campaign finished after the preview.
 */
export function finishedError(id: string, status: string): VoxError {
  return new VoxError(
    "CAMPAIGN_FINISHED",
    `campaign ${id} has finished (status ${status}) and can no longer be changed. Revert the change; or remove the ` +
      "campaign from the program or its campaign file (`pulumi destroy` of a finished campaign sends nothing, and vox.ai " +
      "keeps its history); or, to call the list again, declare a new campaign under a new resource name. " +
      "If you think it is still running, run `pulumi refresh` first.",
    { campaignId: id, status },
  );
}
