/**
 * The provider's implementation, loaded by the serialized provider at call time
 * (`require("pulumi-vox/runtime")`), so state holds no code but a few lines that name this entry point,
 * and refresh or destroy of old resources runs the installed version.
 */
import type { ConfigSource } from "../api/settings";
import { withTaskList } from "../campaign/packed-tasks";
import { configure as configureClient } from "./client";
import { create as createCampaign } from "./create";
import { update as updateCampaign } from "./update";

export { check } from "./check";
export { diff } from "./diff";
export { read } from "./read";
/** `delete` is a reserved word, so the implementation is named deleteCampaign. */
export { deleteCampaign as delete } from "./delete";

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
