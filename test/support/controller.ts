import { CampaignApi } from "../../provider/api/campaigns";
import { VoxHttpClient } from "../../provider/api/http";
import { resolveSettings } from "../../provider/api/settings";
import type { Clock } from "../../provider/clock";
import { taskKeys } from "../../provider/campaign/packed-tasks";
import type { CampaignInputs } from "../../provider/campaign/state";
import { CampaignController, checkedInputs } from "../../provider/runtime/controller";
import { TEST_API_KEY } from "./emulator";

/**
 * The campaign controller against the emulator at `baseUrl`, its pacing, retries and lookups timed by
 * `clock`: with a ManualClock, a test of the provider's own timing reads the waits it asked for and takes
 * no real time.
 */
export function controllerOn(baseUrl: string, clock: Clock, config: Record<string, string> = {}): CampaignController {
  const stack: Record<string, string> = { "vox:apiKey": TEST_API_KEY, "vox:baseUrl": baseUrl, ...config };
  return new CampaignController(new CampaignApi(new VoxHttpClient(resolveSettings({ get: (key) => stack[key] }), clock)), clock);
}

/** Raw inputs as check leaves them for a create or update, their task list sealed with TEST_API_KEY. */
export function checkedTestInputs(raw: Record<string, unknown>): CampaignInputs {
  return checkedInputs(raw, taskKeys({ apiKey: TEST_API_KEY }));
}
