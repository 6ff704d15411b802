/**
 * The native door's one way into the campaign logic: every call of the gRPC server that reaches a
 * campaign goes through here, so moving from today's runtime to the typed controller is an edit of
 * this file alone. It adds nothing to what the dynamic door does but what the provider protocol asks
 * for and the dynamic host does itself: autonames from the URN, predicted outputs for previews, and
 * the changed fields for `detailedDiff`.
 */
import type { ConfigSource } from "../api/settings";
import { autoname } from "../campaign/autoname";
import { describeCampaign, type CampaignDescription } from "../campaign/description";
import { Comparable, FIELDS, FIELD_NAMES, FieldName, changedFields } from "../campaign/fields";
import { OBSERVED_KEYS, campaignOutputs, inputsOfState, migrateRecord, stateFromOutputs, type Observed } from "../campaign/state";
import * as runtime from "../runtime";
import { campaignApi } from "../runtime/client";
import { UNKNOWN } from "../values/unknown";

type PropertyRecord = Record<string, unknown>;

/** The parts of a resource URN the door needs: `urn:pulumi:<stack>::<project>::<type>::<name>`. */
export interface ResourceName {
  project: string;
  stack: string;
  name: string;
}

export function configure(config: ConfigSource): Promise<void> {
  return runtime.configure({ config });
}

/**
 * Check as the dynamic door does it, after what the `vox.Campaign` class does in the program: a left-out
 * name is the resource's autoname. (A relative `tasksFile` is read from the provider's working directory,
 * which the engine sets to the program's.)
 */
export function check(resource: ResourceName, olds: PropertyRecord, news: PropertyRecord): ReturnType<typeof runtime.check> {
  const named = news.name === undefined ? { ...news, name: autoname(resource.project, resource.stack, resource.name) } : news;
  return runtime.check(olds, named);
}

export interface DiffResult {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
  /** The declared fields that changed (in place or replacing), for the preview's per-field diff. */
  changed: FieldName[];
}

export async function diff(id: string, oldOutputs: PropertyRecord, newInputs: PropertyRecord): Promise<DiffResult> {
  const result = await runtime.diff(id, oldOutputs, newInputs);
  return { ...result, changed: changedFields(stateFromOutputs(oldOutputs), migrateRecord(newInputs), id) };
}

export const create = runtime.create;
export const update = runtime.update;
export const read = runtime.read;
export const deleteCampaign = runtime.delete;

/** What a preview shows a create will record: the checked inputs, and what only the API will say as unknowns. */
export function previewCreate(inputs: PropertyRecord): PropertyRecord {
  const unknown = Object.fromEntries([...OBSERVED_KEYS, "scheduledAt"].map((key) => [key, UNKNOWN])) as unknown as Observed;
  return { ...campaignOutputs(withoutTasks(inputs) as never, unknown), scheduledAt: inputs.scheduledAt ?? UNKNOWN };
}

/** What a preview shows an update will record: the new inputs with what the API last said. */
export function previewUpdate(oldOutputs: PropertyRecord, newInputs: PropertyRecord): PropertyRecord {
  return { ...campaignOutputs(withoutTasks(newInputs) as never, stateFromOutputs(oldOutputs)) };
}

/**
 * The inputs a read gives the engine when it has none (`pulumi import`, a read of an existing campaign):
 * the campaign's values of the fields a declaration must repeat to change nothing, and `adoptId`, which
 * claims the campaign as it is. The task list is not among them: the API does not return it, and an
 * adopted campaign keeps the list it has.
 */
export function importedInputs(id: string, outputs: PropertyRecord): PropertyRecord {
  const inputs: Comparable = inputsOfState(stateFromOutputs(outputs));
  const declared = FIELD_NAMES.filter((field) => FIELDS[field].whenLeftOut === "default" && inputs[field] !== undefined);
  return { ...Object.fromEntries(declared.map((field) => [field, inputs[field]])), adoptId: id };
}

/** `vox:index:getCampaign`: one GET with this provider's settings. */
export async function getCampaign(id: string): Promise<CampaignDescription> {
  return describeCampaign(await campaignApi().get(id));
}

function withoutTasks(inputs: PropertyRecord): PropertyRecord {
  const { tasks: _list, ...rest } = inputs;
  return rest;
}
