import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import type { CallTimeWindowArgs, CampaignArgs, CampaignCallTimeWindow, TaskArgs } from "./campaign/args";
import { campaignName, nameMarker } from "./campaign/autoname";
import { DERIVED_INPUTS } from "./campaign/fields";
import { assertProgramInputShape } from "./campaign/validate";
import { packTasks } from "./campaign/packed-tasks";
import { OBSERVED_KEYS } from "./campaign/state";
import { VoxError } from "./errors";
import { warnAboutNightCalls } from "./night-call-warning";
import { campaignProvider } from "./serialized-provider";

/**
 * A vox.ai call campaign. Creating it makes the campaign dial its list; see the README for what
 * changes in place, what replaces it, and the redial guard.
 *
 * ```ts
 * import * as vox from "pulumi-vox";
 * const campaign = new vox.Campaign("renewal-reminder", {
 *   agentId: "3f1c…",
 *   callFrom: "02-1234-5678",
 *   callTimeWindow: { windows: [{ days: ["Monday", "Friday"], start: "09:00", end: "12:00" }] },
 *   tasks: [{ callTo: "010-1234-5678", dynamicVariables: { name: "김민수" } }],
 * });
 * export const status = campaign.status;
 * ```
 */
export class Campaign extends pulumi.dynamic.Resource {
  /** Campaign name in vox.ai (with this resource's marker unless `exactName`). */
  declare readonly name: pulumi.Output<string>;
  /** Whether `name` is sent exactly as declared, without this resource's marker. */
  declare readonly exactName: pulumi.Output<boolean>;
  /** UUID of the calling agent. */
  declare readonly agentId: pulumi.Output<string>;
  /** Agent version (`production`, `current` or `v<N>`). */
  declare readonly agentVersion: pulumi.Output<string>;
  /** Caller number, digits only. */
  declare readonly callFrom: pulumi.Output<string>;
  /** Default caller id, digits only, or null. */
  declare readonly presentationNumber: pulumi.Output<string | null>;
  /** Calls at once (1–100). */
  declare readonly concurrency: pulumi.Output<number>;
  /** The normalized call time window (times as `"HH:MM"`), or null when the API default (08:00–20:00 daily) applies. */
  declare readonly callTimeWindow: pulumi.Output<CampaignCallTimeWindow | null>;
  /** The contact list path, when `tasksFile` is used. */
  declare readonly tasksFile: pulumi.Output<string | undefined>;
  /** The adopted campaign id, when `adoptId` is used. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** Whether a replace may call people again. */
  declare readonly allowRedial: pulumi.Output<boolean>;
  /** The declared pause; after a refresh, a pause or resume made in vox.ai (the next `up` puts the declaration back). */
  declare readonly paused: pulumi.Output<boolean>;
  /** How many tasks the campaign has. */
  declare readonly taskCount: pulumi.Output<number>;
  /** `sha256:<hex>` of the normalized tasks: shows that the list changed without showing it. */
  declare readonly tasksDigest: pulumi.Output<string>;
  /** `draft`, `pending`, `ongoing`, `paused`, `success`, `fail` or `canceled` (as of the last up or refresh). */
  declare readonly status: pulumi.Output<string>;
  /** Calls in the campaign. */
  declare readonly totalCalls: pulumi.Output<number>;
  /** Calls that ended completed. */
  declare readonly completedCalls: pulumi.Output<number>;
  /** Calls that failed or were canceled. */
  declare readonly failedCalls: pulumi.Output<number>;
  /** Calls in progress. */
  declare readonly activeConcurrency: pulumi.Output<number>;
  /** When the campaign was created (ISO-8601). */
  declare readonly createdAt: pulumi.Output<string | null>;
  /** When the campaign starts or started (ISO-8601), or null. */
  declare readonly scheduledAt: pulumi.Output<string | null>;
  /** When it reached success, fail or canceled (ISO-8601), or null. */
  declare readonly finishedAt: pulumi.Output<string | null>;
  /** When it was last paused (ISO-8601), or null. */
  declare readonly pausedAt: pulumi.Output<string | null>;
  /** `user` or `system` (outside the call windows) while paused, else null. */
  declare readonly pausedBy: pulumi.Output<string | null>;
  /** The vox.ai organization the campaign belongs to (null when the API did not say). */
  declare readonly organizationId: pulumi.Output<string | null>;

  /**
   * Reads an existing campaign without managing it: its outputs come from the API (refreshed by
   * `pulumi refresh`), nothing is ever sent to change it, and `pulumi destroy` only forgets it (no cancel).
   */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): Campaign {
    // No inputs: the provider's read takes every field from the campaign itself.
    return new Campaign(name, {} as CampaignArgs, { ...opts, id });
  }

  constructor(name: string, args: CampaignArgs, opts?: pulumi.CustomResourceOptions) {
    if (opts?.import !== undefined) throw importOptionError(name, opts.import);
    assertProgramInputShape(args as unknown as Record<string, unknown>);
    super(
      campaignProvider,
      name,
      {
        // The name carries this resource's marker unless `exactName`; a create recognises its own campaign by it (see autoname.ts).
        ...namingInputs(name, args),
        agentId: args.agentId,
        agentVersion: args.agentVersion,
        callFrom: args.callFrom,
        presentationNumber: args.presentationNumber,
        scheduledAt: isoTimeInput(args.scheduledAt),
        concurrency: args.concurrency,
        callTimeWindow: args.callTimeWindow as pulumi.Input<CallTimeWindowArgs> | undefined,
        // One secret string instead of thousands of values: see campaign/packed-tasks.ts.
        tasks: args.tasks && pulumi.secret(pulumi.output(args.tasks as pulumi.Input<pulumi.Input<TaskArgs>[]>).apply(packTasks)),
        tasksFile: args.tasksFile && pulumi.output(args.tasksFile).apply((file) => path.resolve(file)),
        adoptId: args.adoptId,
        allowRedial: args.allowRedial,
        paused: args.paused,
        // Outputs only the provider sets: present (as undefined) so that they exist on the resource object.
        ...Object.fromEntries([...DERIVED_INPUTS, ...OBSERVED_KEYS].map((key) => [key, undefined])),
      },
      opts,
      "vox",
      "Campaign",
    );
    if (args.callTimeWindow) warnAboutNightCalls(args.callTimeWindow as pulumi.Input<CallTimeWindowArgs>, this);
  }
}

/**
 * The `import` option would reach Pulumi's import, which carries no dynamic-provider code and fails with
 * "Cannot read properties of undefined (reading 'toJavaScript')": say what works instead.
 */
function importOptionError(name: string, id: pulumi.Input<pulumi.ID>): VoxError {
  const shown = typeof id === "string" ? id : "<campaign id>";
  return new VoxError(
    "IMPORT_OPTION",
    `vox.Campaign "${name}": the \`import\` resource option does not work for dynamic resources (Pulumi's import ` +
      `carries no provider code). To manage campaign ${shown}, declare it as it is with \`adoptId: "${shown}"\` ` +
      `instead (one GET, no create); to only read it, use \`vox.Campaign.get("${name}", "${shown}")\` or ` +
      `\`vox.getCampaign({ id: "${shown}" })\``,
  );
}

/**
 * `name`, `exactName` and `nameMarker` as the program works them out: only here are the project, stack and
 * resource known, so only here can a name be made this resource's (README "Exactly once").
 */
function namingInputs(resourceName: string, args: CampaignArgs) {
  const marker = nameMarker(pulumi.getProject(), pulumi.getStack(), resourceName);
  // A name or exactName of the wrong type goes to check as it is, which names the field.
  const naming = pulumi.all([args.name, args.exactName]).apply(([declared, exactName]) => ({
    ...(declared === undefined || typeof declared === "string"
      ? campaignName(marker, resourceName, declared, exactName)
      : { name: declared, nameMarker: null }),
    exactName: exactName ?? false,
  }));
  return { name: naming.name, exactName: naming.exactName, nameMarker: naming.nameMarker };
}

/** A Date becomes ISO text here: pulumi.output() would unwrap it into an empty object. */
function isoTimeInput(value: pulumi.Input<string | Date> | undefined): pulumi.Input<string> | undefined {
  const toIso = (v: string | Date) => (v instanceof Date ? v.toISOString() : v);
  if (value === undefined || typeof value === "string" || value instanceof Date) return value && toIso(value);
  if (pulumi.Output.isInstance(value)) return value.apply(toIso);
  return Promise.resolve(value).then(toIso);
}
