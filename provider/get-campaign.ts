import * as pulumi from "@pulumi/pulumi";
import { CampaignApi } from "./api/campaigns";
import { VoxHttpClient } from "./api/http";
import { ConfigSource, resolveSettings } from "./api/settings";
import type { CampaignDescription } from "./campaign/observed";
import { systemClock } from "./clock";

/** Which campaign {@link getCampaign} reads. */
export interface GetCampaignArgs {
  /** The campaign id. */
  id: string;
}

/** Which campaign {@link getCampaignOutput} reads; the id may be another resource's output. */
export interface GetCampaignOutputArgs {
  /** The campaign id. */
  id: pulumi.Input<string>;
}

/** What {@link getCampaign} returns: the campaign's fields, camelCase, windows as `"HH:MM"`; never the API key. */
export type GetCampaignResult = CampaignDescription;

/**
 * Reads a campaign without managing it (1 GET), with the stack's `vox:*` settings (`vox:apiKey`,
 * `vox:baseUrl`, falling back to `VOX_API_KEY` and `VOX_BASE_URL`, as the provider does). It runs in the
 * program, on preview and up alike; only what the program exports of the result reaches state.
 *
 * `opts` are accepted in the shape of Pulumi's generated functions; the lookup uses no provider, so they
 * change nothing.
 */
export async function getCampaign(args: GetCampaignArgs, _opts?: pulumi.InvokeOptions): Promise<GetCampaignResult> {
  const api = new CampaignApi(new VoxHttpClient(resolveSettings(stackConfig()), systemClock));
  return api.get(args.id);
}

/** {@link getCampaign} as an Output, for ids that are outputs themselves. */
export function getCampaignOutput(args: GetCampaignOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetCampaignResult> {
  return pulumi.output(args).apply((resolved) => getCampaign(resolved, opts));
}

/** The stack's `vox:*` configuration, read the way the provider's `configure` receives it. */
export function stackConfig(): ConfigSource {
  const config = new pulumi.Config("vox");
  return { get: (key) => (key.startsWith("vox:") ? config.get(key.slice("vox:".length)) : undefined) };
}
