/**
 * The provider's implementation, loaded by the serialized provider at call time
 * (`require("pulumi-vox/runtime")`), so state holds no code but a few lines that name this entry point,
 * and refresh or destroy of old resources runs the installed version.
 */
import type { ConfigSource } from "../api/settings";
import { withTaskList } from "../campaign/packed-tasks";
import { check as checkCampaign } from "./check";
import { configure as configureClient } from "./client";
import { create as createCampaign } from "./create";
import { deleteCampaign } from "./delete";
import { diff as diffCampaign } from "./diff";
import { watchEngine } from "../engine-presence";
import { IN_PROVIDER_HOST, reportedByTheEngine } from "./host-errors";
import { read as readCampaign } from "./read";
import { update as updateCampaign } from "./update";

// In Pulumi's provider host: stop sending requests, and exit, when the engine has gone (see ../engine-presence.ts).
if (IN_PROVIDER_HOST) watchEngine();

// The methods whose errors the host also prints to stderr (create and update errors it does not).
export const check = reportedByTheEngine(checkCampaign);
export const diff = reportedByTheEngine(diffCampaign);
export const read = reportedByTheEngine(readCampaign);
/** `delete` is a reserved word, so the implementation is named deleteCampaign. */
const deleteReported = reportedByTheEngine(deleteCampaign);
export { deleteReported as delete };

export async function configure(request: { config: ConfigSource }): Promise<void> {
  configureClient(request.config);
}

// The inputs check returned hold the task list packed: create and update work on the list itself.

export async function create(inputs: Record<string, unknown>): ReturnType<typeof createCampaign> {
  return createCampaign(withTaskList(inputs));
}

export async function update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): ReturnType<typeof updateCampaign> {
  return updateCampaign(id, olds, withTaskList(news));
}
