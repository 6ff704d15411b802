/**
 * The native door's one way into the campaign logic: the typed controller (runtime/controller.ts), which
 * the dynamic door (runtime/index.ts) drives too. This module is all the native door knows of it: it
 * turns the engine's records into the controller's types and back, packs the task list as the dynamic
 * door does (one secret string: state stays small), and adds what the provider protocol asks for and the
 * dynamic `vox.Campaign` class does in the program: autonames from the URN, predicted outputs for previews,
 * and inputs for `pulumi import`.
 */
import { CampaignApi } from "../api/campaigns";
import { VoxHttpClient } from "../api/http";
import { type ConfigSource, resolveSettings } from "../api/settings";
import { nameMarker, namingInputs } from "../campaign/autoname";
import { type Comparable, FIELDS, FIELD_NAMES, OBSERVED_WHEN_LEFT_OUT, effectiveValue } from "../campaign/fields";
import type { ObservedCampaign } from "../campaign/observed";
import { type TaskKeys, packTasks, taskKeys, taskListOf, withTaskList } from "../campaign/packed-tasks";
import { OBSERVED_KEYS, campaignOutputs, inputsOfState, migrateRecord, stateFromOutputs } from "../campaign/state";
import type { Failure } from "../campaign/validate";
import { callTimeWindowSchema } from "../campaign/schema";
import { systemClock } from "../clock";
import { CampaignController, type DiffResult, RefreshMemory, checkedInputs } from "../runtime/controller";
import { jsonEqual, toPlainJson } from "../values/json";
import { nightWarning, nightWindows } from "../values/call-windows";
import { UNKNOWN, containsUnknown } from "../values/unknown";

type PropertyRecord = Record<string, unknown>;

/** The parts of a resource URN the door needs: `urn:pulumi:<stack>::<project>::<type>::<name>`. */
export interface ResourceName {
  project: string;
  stack: string;
  name: string;
}

let controller: CampaignController | undefined;
/** One per process, across configure calls: a refresh's read and the diff after it must share it. */
const refreshes = new RefreshMemory();

/** The engine configures a provider (its settings, or the stack's `vox:*` config) before any other call. */
export function configure(config: ConfigSource): void {
  controller = new CampaignController(new CampaignApi(new VoxHttpClient(resolveSettings(config), systemClock)), systemClock, refreshes);
}

function campaigns(): CampaignController {
  if (!controller) throw new Error("pulumi-resource-vox: a campaign request came before Configure");
  return controller;
}

/** The keys that open and seal task lists: the configured API key's (see packed-tasks.ts). */
function keys(): TaskKeys {
  return taskKeys(campaigns().api.settings);
}

/**
 * Check, after what the `vox.Campaign` class does in a program: a left-out name is the resource's
 * autoname. The list arrives as a list (or packed, from state) and leaves packed. Failures name no
 * property: the engine would print the input as written (a whole phone number) next to it, and every
 * reason starts with its field path. Warnings are the controller's (no key, an adoption's changes) and
 * the night-call warning the dynamic door's class gives in the program, which a YAML program has not.
 */
export async function check(
  resource: ResourceName,
  olds: PropertyRecord,
  news: PropertyRecord,
): Promise<{ inputs: PropertyRecord; failures: Failure[]; warnings: string[] }> {
  const marker = nameMarker(resource.project, resource.stack, resource.name);
  const named: PropertyRecord = { ...news, ...namingInputs(marker, resource.name, news.name, news.exactName) };
  const list = taskListOf(named.tasks, keys());
  if (!list.ok) return { inputs: named, failures: [{ property: "", reason: list.reason }], warnings: [] };
  const checked = await campaigns().check(named.tasks === undefined ? named : { ...named, tasks: list.tasks }, olds);
  const packed = Array.isArray(checked.inputs.tasks) && !containsUnknown(checked.inputs.tasks);
  return {
    inputs: toPlainJson(packed ? { ...checked.inputs, tasks: packTasks(checked.inputs.tasks as unknown[], keys()) } : checked.inputs),
    failures: checked.failures.map(({ reason }) => ({ property: "", reason })),
    warnings: [...checked.warnings, ...nightWarnings(news.callTimeWindow)],
  };
}

/** The dynamic door's program-side warning of windows reaching into 21:00–08:00 Korean time (provider/resource.ts). */
function nightWarnings(callTimeWindow: unknown): string[] {
  const parsed = callTimeWindowSchema.safeParse(callTimeWindow);
  if (!parsed.success) return [];
  return nightWindows(parsed.data, systemClock.now()).map((window) => nightWarning(window, parsed.data.timezone));
}

/** During a refresh the engine passes the inputs in state as `newInputs`, which an older version may have written. */
export function diff(id: string, oldOutputs: PropertyRecord, newInputs: PropertyRecord): Promise<DiffResult> {
  return campaigns().diff(id, stateFromOutputs(oldOutputs), migrateRecord(newInputs));
}

export async function create(inputs: PropertyRecord): Promise<{ id: string; outs: PropertyRecord }> {
  const { id, state } = await campaigns().create(checkedInputs(withTaskList(inputs, keys()), keys()));
  return { id, outs: toPlainJson(state) };
}

export async function update(id: string, oldOutputs: PropertyRecord, newInputs: PropertyRecord): Promise<{ outs: PropertyRecord }> {
  return {
    outs: toPlainJson(await campaigns().update(id, stateFromOutputs(oldOutputs), checkedInputs(withTaskList(newInputs, keys()), keys()))),
  };
}

/** The campaign's outputs as vox.ai reports them now; none when it is gone. */
export async function read(id: string, outputs: PropertyRecord): Promise<{ id?: string; props?: PropertyRecord }> {
  const state = await campaigns().read(id, stateFromOutputs(outputs));
  return state ? { id, props: toPlainJson(state) } : {};
}

export async function deleteCampaign(id: string, outputs: PropertyRecord): Promise<void> {
  await campaigns().delete(id, stateFromOutputs(outputs));
}

/** What a preview shows a create will record: the checked inputs, and what only the API will say as unknowns. */
export function previewCreate(inputs: PropertyRecord): PropertyRecord {
  const unknown = Object.fromEntries([...OBSERVED_KEYS, ...OBSERVED_WHEN_LEFT_OUT, "scheduledAt"].map((key) => [key, UNKNOWN]));
  const outputs = campaignOutputs(withoutTasks(inputs) as never, unknown as unknown as Parameters<typeof campaignOutputs>[1]);
  return { ...outputs, scheduledAt: inputs.scheduledAt ?? UNKNOWN };
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
  // A value that leaving the field out means anyway (the API's default window) need not be repeated.
  const declared = FIELD_NAMES.filter(
    (field) =>
      FIELDS[field].whenLeftOut === "default" && inputs[field] !== undefined && !jsonEqual(inputs[field], effectiveValue(field, undefined)),
  );
  return { ...Object.fromEntries(declared.map((field) => [field, inputs[field]])), adoptId: id };
}

/** `vox:index:getCampaign`: one GET with this provider's settings. */
export function getCampaign(id: string): Promise<ObservedCampaign> {
  return campaigns().api.get(id);
}

function withoutTasks(inputs: PropertyRecord): PropertyRecord {
  const { tasks: _list, ...rest } = inputs;
  return rest;
}
