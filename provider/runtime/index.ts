/**
 * The provider's implementation, loaded by the serialized provider at call time
 * (`require("pulumi-vox/runtime")`), so state holds no code but a few lines that name this entry point,
 * and refresh or destroy of old resources runs the installed version.
 */
import { check } from "./check";
import { configure as configureSettings } from "./context";
import { create as createCampaign } from "./create";
import { deleteCampaign } from "./delete";
import { diff } from "./diff";
import { read } from "./read";
import { ConfigSource } from "./settings";
import { loadTasks } from "./tasks";
import { update } from "./update";

export { check, diff, read, update };

export async function configure(request: { config: ConfigSource }): Promise<void> {
  configureSettings(request.config);
}

export async function create(inputs: Record<string, unknown>) {
  return createCampaign(inputs, loadTasks);
}

/** `delete` is a reserved word, so the implementation is named deleteCampaign. */
export { deleteCampaign as delete };
