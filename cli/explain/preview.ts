import { migrateRecord } from "../../provider/tooling";

/** The type token of a vox.Campaign in Pulumi state and previews. */
export const CAMPAIGN_TYPE = "pulumi-nodejs:dynamic/vox:Campaign";

type Props = Record<string, unknown>;

/** What a preview does to a campaign; `adopt` is a create that claims an existing campaign; `failed` when the preview stopped at it. */
export type CampaignOperation = "create" | "adopt" | "update" | "replace" | "delete" | "same" | "failed";

/** One campaign in a preview. */
export interface CampaignStep {
  /** The resource name (the campaign file's name in a GitOps program). */
  name: string;
  /** The campaign id, when the campaign exists. */
  id?: string;
  operation: CampaignOperation;
  /** The last known outputs (absent for a create). */
  olds?: Props;
  /** The checked new inputs (absent for a delete). */
  news?: Props;
  /** The inputs whose change needs a new campaign, as the provider reported them. */
  replaceReasons: string[];
  /** Error diagnostics the preview reported for this campaign. */
  errors: string[];
  /** The resource's earlier name, when `aliases` carry it over to this one (the same campaign). */
  renamedFrom?: string;
  /** When state last changed for this campaign (unix ms), when the preview says. */
  recordedAt?: number;
  /** What the contact-list files in this checkout tell about the list (see contact-files.ts). */
  listFacts?: ListFacts;
}

/** What the contact-list file (and its version at a base revision) tell, in counts only. */
export interface ListFacts {
  /** Tasks with their own caller id (`presentationNumber`) in the file. */
  ownCallerIds?: number;
  /** The list against its version at the base revision, matched by number. */
  changes?: { added: number; removed: number; changed: number };
  /** Why the file could not be compared, when it could not. */
  notCompared?: string;
}

/** The campaigns of a preview, and the errors not tied to any campaign. */
export interface PreviewReport {
  /** The stack previewed, from the resources' URNs. */
  stack?: string;
  campaigns: CampaignStep[];
  /** Whether the preview read every campaign from vox.ai first (`--refresh`). */
  refreshed: boolean;
  /** Whether the stack config has `vox:apiKey`; undefined when the preview does not show its config. */
  apiKeyInConfig?: boolean;
  errors: string[];
  /**
   * Why the preview stopped before it reached every resource, when it did: Pulumi stops at the first
   * error, so campaigns after it are missing from `campaigns`. Absent for a preview that ran to its end.
   */
  stoppedBecause?: string;
}

/** Pulumi's step operations as they matter for a campaign; a replace shows as several steps. */
export const OPERATIONS: Record<string, CampaignOperation> = {
  create: "create",
  update: "update",
  replace: "replace",
  "create-replacement": "replace",
  "delete-replaced": "replace",
  "discard-replaced": "replace",
  delete: "delete",
  discard: "delete",
  same: "same",
  read: "same",
};

/** Of several steps for one campaign, the one that says most about what happens to it. */
export const WEIGHT: Record<CampaignOperation, number> = { same: 0, update: 1, create: 2, adopt: 2, delete: 2, replace: 3, failed: 4 };

/**
 * Reads the JSON that `pulumi preview --json` prints (`steps[]` with `op`, `urn`, `oldState`,
 * `newState`, `replaceReasons`; `diagnostics[]` with `severity`, `message` and, for a resource, `urn`).
 *
 * @throws Error when the value is not such output.
 */
export function readPreview(value: unknown): PreviewReport {
  if (!isObject(value) || !(Array.isArray(value.steps) || Array.isArray(value.diagnostics))) {
    throw new Error("the input is JSON, but not the output of `pulumi preview --json` (no steps or diagnostics)");
  }
  const campaigns = new Map<string, CampaignStep>();
  let stack: string | undefined;
  let refreshed = false;
  const stepFor = (urn: string) => {
    if (!campaigns.has(urn)) campaigns.set(urn, { name: nameOf(urn), operation: "same", replaceReasons: [], errors: [] });
    return campaigns.get(urn) as CampaignStep;
  };

  for (const step of asArray(value.steps)) {
    if (typeof step.urn !== "string") continue;
    stack ??= stackOf(step.urn);
    if (!isCampaignUrn(step.urn)) continue;
    // A refresh step reads a campaign under its URN in state (a renamed one under its old name): no step of its own.
    if (step.op === "refresh") {
      refreshed = true;
      continue;
    }
    const campaign = stepFor(step.urn);
    const newInputs = asProps(asProps(step.newState)?.inputs);
    const named = OPERATIONS[String(step.op)] ?? "update";
    // Creating with adoptId claims a campaign that exists: nobody is called by it.
    const operation = named === "create" && typeof newInputs?.adoptId === "string" ? "adopt" : named;
    if (WEIGHT[operation] >= WEIGHT[campaign.operation]) campaign.operation = operation;
    const oldState = isObject(step.oldState) ? step.oldState : undefined;
    const newState = isObject(step.newState) ? step.newState : undefined;
    // State an older pulumi-vox wrote is read in today's shape, as the provider reads it.
    campaign.olds ??= migrated(asProps(oldState?.outputs) ?? asProps(oldState?.inputs));
    campaign.news ??= migrated(asProps(newState?.inputs));
    if (typeof oldState?.id === "string" && oldState.id !== "") campaign.id ??= oldState.id;
    const oldName = typeof oldState?.urn === "string" ? nameOf(oldState.urn) : undefined;
    if (oldName !== undefined && oldName !== campaign.name) campaign.renamedFrom ??= oldName;
    campaign.recordedAt ??= recordedAt(oldState);
    for (const reason of Array.isArray(step.replaceReasons) ? step.replaceReasons : []) {
      if (!campaign.replaceReasons.includes(String(reason))) campaign.replaceReasons.push(String(reason));
    }
  }

  const errors: string[] = [];
  for (const diagnostic of asArray(value.diagnostics)) {
    // Engine errors are "error"; "info#err" lines are the provider's stack trace, not news for a reviewer.
    if (diagnostic.severity !== "error" || typeof diagnostic.message !== "string") continue;
    const message = diagnostic.message.replace(/^error: /, "").trim();
    if (typeof diagnostic.urn === "string" && isCampaignUrn(diagnostic.urn)) {
      const campaign = stepFor(diagnostic.urn);
      campaign.errors.push(message);
      campaign.operation = "failed";
    } else {
      errors.push(message);
    }
  }
  const sorted = [...campaigns.values()].sort((a, b) => a.name.localeCompare(b.name));
  const config = isObject(value.config) ? value.config : undefined;
  return {
    stack,
    campaigns: sorted,
    refreshed,
    apiKeyInConfig: config && "vox:apiKey" in config,
    errors,
    stoppedBecause: stopReason(sorted, errors),
  };
}

function nameOf(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}

/** `urn:pulumi:<stack>::<project>::…` → the stack. */
function stackOf(urn: string): string | undefined {
  return /^urn:pulumi:([^:]+)::/.exec(urn)?.[1];
}

/** State's `modified` time; Pulumi writes the zero time (year 1) when it did not record one. */
function recordedAt(state: Props | undefined): number | undefined {
  const at = Date.parse(typeof state?.modified === "string" ? state.modified : "");
  return Number.isFinite(at) && new Date(at).getUTCFullYear() > 1 ? at : undefined;
}

/** Names what stopped the preview: any error diagnostic does, since the engine stops at the first one. */
function stopReason(campaigns: CampaignStep[], errors: string[]): string | undefined {
  const failed = campaigns.filter((campaign) => campaign.errors.length > 0).map((campaign) => `\`${campaign.name}\``);
  if (failed.length > 0) return `the preview stopped at an error in ${failed.join(", ")}`;
  if (errors.some((error) => /^Running program .* failed/.test(error))) {
    return "the program stopped with an error before it had declared every campaign";
  }
  if (errors.length > 0) return "the preview stopped at an error outside the campaigns";
  return undefined;
}

function migrated(props: Props | undefined): Props | undefined {
  return props && migrateRecord(props);
}

/** Whether `urn` names a vox.Campaign (its own type, not a parent's). */
export function isCampaignUrn(urn: string): boolean {
  // urn:pulumi:<stack>::<project>::<parent types$>type::name: the last type is the resource's own.
  const types = urn.split("::")[2] ?? "";
  return types.split("$").pop() === CAMPAIGN_TYPE;
}

function isObject(value: unknown): value is Props {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function asProps(value: unknown): Props | undefined {
  return isObject(value) ? value : undefined;
}

function asArray(value: unknown): Props[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}
