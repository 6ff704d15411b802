/**
 * What the rules read from a campaign resource, on both doors: the dynamic resource of today and the native
 * provider's resource, which take the same input names. The engine hands a policy the inputs as check
 * returned them (normalized), but a native provider or an older version may hand them as declared, so
 * every reader here parses again and says when it cannot.
 */
import type { EnforcementLevel, ReportViolation, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import type { CampaignCallTimeWindow } from "../provider/campaign/args";
import { callTimeWindowSchema } from "../provider/campaign/schema";
import { API_DEFAULT_CALL_TIME_WINDOW } from "../provider/values/window";
import type { Clock } from "../provider/clock";

/** The resource types of a vox.ai campaign: the dynamic resource, and the native provider's. */
export const CAMPAIGN_TYPES: ReadonlyArray<string> = ["pulumi-nodejs:dynamic/vox:Campaign", "vox:index:Campaign"];

export function isCampaign(type: string): boolean {
  return CAMPAIGN_TYPES.includes(type);
}

/** What a rule gets besides the resource: its config (defaults filled in) and the time. */
export interface RuleContext<Config> {
  config: Config;
  clock: Clock;
}

/** A rule over one campaign's inputs. */
export type CampaignRule<Config> = (
  props: Record<string, unknown>,
  context: RuleContext<Config>,
  report: ReportViolation,
  args: ResourceValidationArgs,
) => void;

export interface CampaignPolicyArgs<Config> {
  name: string;
  description: string;
  enforcementLevel: EnforcementLevel;
  /** The config's properties as JSON schema, each with its `default`. */
  config: Record<keyof Config, PolicyConfigJSONSchema>;
  rule: CampaignRule<Config>;
}

/**
 * A policy over campaigns: other resource types are not its business. The rule sees its config with the
 * schema's defaults filled in, whether or not the engine was given a config file.
 */
export function campaignPolicy<Config extends object>(clock: Clock, args: CampaignPolicyArgs<Config>): ResourceValidationPolicy {
  const defaults = Object.fromEntries(Object.entries<PolicyConfigJSONSchema>(args.config).map(([key, schema]) => [key, schema.default]));
  return {
    name: args.name,
    description: args.description,
    enforcementLevel: args.enforcementLevel,
    configSchema: { properties: args.config },
    validateResource: (resource, report) => {
      if (!isCampaign(resource.type)) return;
      const config = { ...defaults, ...resource.getConfig<Partial<Config>>() } as Config;
      args.rule(resource.props, { config, clock }, report, resource);
    },
  };
}

export type WindowReading =
  | { declared: false; window: CampaignCallTimeWindow }
  | { declared: true; window: CampaignCallTimeWindow }
  | { declared: true; window: undefined; reason: string };

/** The campaign's call time window, normalized; the API's default (every day 08:00–20:00) when none is declared. */
export function callTimeWindowOf(props: Record<string, unknown>): WindowReading {
  const value = props.callTimeWindow;
  if (value === undefined || value === null) return { declared: false, window: API_DEFAULT_CALL_TIME_WINDOW };
  const parsed = callTimeWindowSchema.safeParse(value);
  if (!parsed.success) return { declared: true, window: undefined, reason: "callTimeWindow cannot be read (check reports why)" };
  return { declared: true, window: parsed.data };
}
