/**
 * `pulumi-vox/native`: the native door from a TypeScript program, as a generated SDK would give it. A
 * `Campaign` here is a `vox:index:Campaign` of the `pulumi-resource-vox` plugin (name its folder in
 * Pulumi.yaml: docs/native-provider.md); a `Provider` is one organization's settings, so one program can
 * hold campaigns of several organizations. Inputs are those of `vox.Campaign`.
 *
 * ```ts
 * import * as native from "pulumi-vox/native";
 * const orgB = new native.Provider("org-b", { apiKey: config.requireSecret("orgBKey") });
 * new native.Campaign("renewal", { agentId, callFrom, tasks }, { provider: orgB });
 * ```
 */
import * as pulumi from "@pulumi/pulumi";
import type { CampaignArgs } from "../campaign/args";
import { DERIVED_INPUTS } from "../campaign/fields";
import { OBSERVED_KEYS, type CampaignState } from "../campaign/state";
import { assertProgramInputShape } from "../campaign/validate";
import { isoTimeInput } from "../values/iso-time";
import { CAMPAIGN_TYPE } from "./schema";

/** The outputs of a campaign, as `vox.Campaign` has them. */
type CampaignOutputs = { readonly [K in keyof CampaignState]: pulumi.Output<CampaignState[K]> };

class CampaignResource extends pulumi.CustomResource {
  constructor(name: string, args: CampaignArgs, opts?: pulumi.CustomResourceOptions) {
    // Outputs only the provider sets are registered as undefined, so that they exist on the resource object.
    const outputs = Object.fromEntries([...DERIVED_INPUTS, ...OBSERVED_KEYS].map((key) => [key, undefined]));
    // What no engine can carry (NaN, an invalid Date, undefined in a list) is refused here, as `vox.Campaign` does.
    assertProgramInputShape(args as unknown as Record<string, unknown>);
    const inputs = {
      ...args,
      scheduledAt: isoTimeInput(args.scheduledAt),
      // The list is secret whatever the program says, as in `vox.Campaign`.
      tasks: args.tasks && pulumi.secret(args.tasks),
    };
    super(CAMPAIGN_TYPE, name, { ...outputs, ...inputs }, opts);
  }
}

/** A vox.ai call campaign on the native provider (`vox:index:Campaign`), with the outputs of `vox.Campaign`. */
export type Campaign = CampaignResource & CampaignOutputs;
// The engine sets the outputs on the object; their types come from the state the provider records.
export const Campaign = CampaignResource as unknown as new (
  name: string,
  args: CampaignArgs,
  opts?: pulumi.CustomResourceOptions,
) => Campaign;

/** One organization's settings: the inputs of the provider (the stack config `vox:*` of the default one). */
export interface ProviderArgs {
  /** The vox.ai API key (kept secret). */
  apiKey?: pulumi.Input<string>;
  /** The API's address; https, or http for a loopback host. */
  baseUrl?: pulumi.Input<string>;
  /** The pace kept below the API's rate limit, requests per second. */
  requestsPerSecond?: pulumi.Input<number>;
}

/** An explicit vox provider: campaigns given it as `provider` belong to its organization. */
export class Provider extends pulumi.ProviderResource {
  constructor(name: string, args: ProviderArgs, opts?: pulumi.ResourceOptions) {
    super("vox", name, { ...args, apiKey: args.apiKey && pulumi.secret(args.apiKey) }, opts);
  }
}
