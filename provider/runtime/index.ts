/**
 * The provider's implementation, loaded by the serialized provider at call time
 * (`require("pulumi-vox/runtime")`), so state holds no code but a few lines that name this entry point,
 * and refresh or destroy of old resources runs the installed version.
 */
import type { ConfigSource } from "../api/settings";
import { configure as configureClient } from "./client";

export { check } from "./check";
export { create } from "./create";
export { diff } from "./diff";
export { read } from "./read";
export { update } from "./update";
/** `delete` is a reserved word, so the implementation is named deleteCampaign. */
export { deleteCampaign as delete } from "./delete";

export async function configure(request: { config: ConfigSource }): Promise<void> {
  configureClient(request.config);
}
