import * as pulumi from "@pulumi/pulumi";
import type { CallTimeWindowArgs, CampaignArgs, TaskArgs, TasksFileArgs } from "./campaign/args";
import { nameMarker, namingInputs } from "./campaign/autoname";
import { DERIVED_INPUTS, FIELD_NAMES } from "./campaign/fields";
import { assertProgramInputShape } from "./campaign/validate";
import { packTasks, requireSeal, taskKeys } from "./campaign/packed-tasks";
import { resolveApiKeys } from "./api/settings";
import { stackConfig } from "./get-campaign";
import { CampaignState, OBSERVED_KEYS } from "./campaign/state";
import { absoluteTasksFile } from "./contact-lists/tasks-file";
import { absoluteSuppressionList } from "./suppression/spec";
import { VoxError } from "./errors";
import { SERIALIZED_PROVIDER } from "./serialized-provider";
import { nightWarning, nightWindows } from "./values/call-windows";
import { isoTimeInput } from "./values/iso-time";
import { callTimeWindowSchema } from "./campaign/schema";
import { Clock, systemClock } from "./clock";

/**
 * Every output, typed by what state holds (campaign/state.ts): each input (documented in campaign/args.ts)
 * as the provider normalized it, and what only the provider sets (campaign/observed.ts).
 */
type CampaignOutputs = {
  readonly [K in keyof Required<CampaignArgs> as K extends keyof CampaignState ? K : never]: pulumi.Output<
    CampaignState[K & keyof CampaignState]
  >;
} & { readonly [K in Exclude<keyof CampaignState, keyof CampaignArgs>]-?: pulumi.Output<CampaignState[K]> };

// The class and this interface merge: the outputs are declared once, by the state's type, and a new input needs no line here.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface Campaign extends CampaignOutputs {}

/**
 * The type `pulumi.dynamic.Resource` gives a resource of module `vox` and type `Campaign`: the engine sends
 * its operations to the Node.js dynamic-provider host, which loads the provider from `__provider`.
 */
const DYNAMIC_TYPE = "pulumi-nodejs:dynamic/vox:Campaign";

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
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Campaign extends pulumi.CustomResource {
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
    // The list is sealed here, in the program, so that the engine never holds it in a form it can print (see packed-tasks.ts).
    const keys = taskKeys(resolveApiKeys(stackConfig()));
    if (args.tasks) requireSeal(keys, `vox.Campaign "${name}": tasks`);
    super(
      // What pulumi.dynamic.Resource registers, with our own `__provider` text instead of a serialized closure.
      DYNAMIC_TYPE,
      name,
      {
        // Every output, present (as undefined) so that it exists on the resource object: the field table's inputs and what the provider sets.
        ...Object.fromEntries([...FIELD_NAMES, ...DERIVED_INPUTS, ...OBSERVED_KEYS].map((key) => [key, undefined])),
        // Every key the program passes, as given (a misspelled one too: check names it with the field it meant).
        ...args,
        // The name carries this resource's marker unless `exactName`; a create recognises its own campaign by it (see autoname.ts).
        ...programNaming(name, args),
        scheduledAt: isoTimeInput(args.scheduledAt),
        // One secret string instead of thousands of values: see campaign/packed-tasks.ts.
        tasks:
          args.tasks &&
          pulumi.secret(pulumi.output(args.tasks as pulumi.Input<pulumi.Input<TaskArgs>[]>).apply((tasks) => packTasks(tasks, keys))),
        tasksFile:
          args.tasksFile && pulumi.output(args.tasksFile).apply((file) => absoluteTasksFile(file as string | TasksFileArgs, process.cwd())),
        suppressionLists:
          args.suppressionLists &&
          pulumi
            .output(args.suppressionLists)
            .apply((lists) => (Array.isArray(lists) ? lists.map((list) => absoluteSuppressionList(list, process.cwd())) : lists)),
        // Last, so that no key of the program's replaces it.
        __provider: SERIALIZED_PROVIDER,
      },
      opts,
    );
    // The program is where production starts on this side: its time is the machine's.
    if (args.callTimeWindow) warnAboutNightCalls(args.callTimeWindow as pulumi.Input<CallTimeWindowArgs>, this, systemClock);
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
function programNaming(resourceName: string, args: CampaignArgs) {
  const marker = nameMarker(pulumi.getProject(), pulumi.getStack(), resourceName);
  const naming = pulumi
    .all([args.name, args.exactName])
    .apply(([declared, exactName]) => namingInputs(marker, resourceName, declared, exactName));
  return { name: naming.name, exactName: naming.exactName, nameMarker: naming.nameMarker };
}

/**
 * Warns in `pulumi preview` and `up` about call windows that reach into 21:00–08:00 Korean time, as
 * `pulumi-vox validate` and `explain` do for campaign files: a plain TypeScript program sees it too. The
 * program side is where the engine shows warnings; a window not known yet (a preview of another
 * resource's output) is warned about when it is, at `clock`'s time then. Invalid windows are left to check.
 */
function warnAboutNightCalls(callTimeWindow: pulumi.Input<CallTimeWindowArgs>, resource: pulumi.Resource, clock: Clock): void {
  pulumi.output(callTimeWindow).apply((value) => {
    const parsed = callTimeWindowSchema.safeParse(value);
    if (!parsed.success) return;
    for (const window of nightWindows(parsed.data, clock.now())) pulumi.log.warn(nightWarning(window, parsed.data.timezone), resource);
  });
}
