import { CampaignApi } from "../api/campaigns";
import { VoxHttpClient } from "../api/http";
import { ConfigSource, Settings, resolveSettings } from "../api/settings";

/**
 * The provider's settings live here, in the installed package's module state, and never on the
 * serialized provider object: whatever is on that object is written into Pulumi state in plain text.
 */
let settings: Settings | undefined;
let api: CampaignApi | undefined;

/** Called by the host with the stack config. Synchronous on purpose: a second call may come at once. */
export function configure(config: ConfigSource): void {
  settings = resolveSettings(config);
  api = undefined;
}

/** The API client for the configured settings (environment variables only, when never configured). */
export function campaignApi(): CampaignApi {
  if (!api) {
    settings ??= resolveSettings({ get: () => undefined });
    api = new CampaignApi(new VoxHttpClient(settings));
  }
  return api;
}
