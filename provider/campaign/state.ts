/**
 * What state holds for a campaign, and the one door through which the runtime reads it: records written
 * by any earlier version are migrated to the current shape here, before diff, read, update or delete
 * look at them (state written by an older pulumi-vox is read by the installed one: see
 * serialized-provider.ts).
 */
import { API_DEFAULT_CALL_TIME_WINDOW, formatClock } from "../values/window";
import type { CampaignCallTimeWindow, NormalizedCampaignInputs } from "./args";
import { NULL_IN_OUTPUTS, OBSERVED_WHEN_LEFT_OUT, ObservedWhenLeftOut } from "./fields";
import type { ObservedCampaign } from "./observed";
import type { SuppressionSummary } from "../suppression/suppress";

/**
 * The shape of the outputs this version writes, recorded in them as `stateVersion`:
 * - 1 (0.1.0, unversioned): windows in minutes (`startMin`/`endMin`);
 * - 2: windows as written, `"HH:MM"` (`start`/`end`); `stateVersion` recorded;
 * - 3: no `tasks` in the outputs (the inputs hold the list once, packed: see packed-tasks.ts);
 * - 4: `paused` (every campaign before it was declared running: `false`);
 * - 5: `exactName` and `nameMarker`, the program's record of whether the name carries this resource's marker
 *   (campaign/autoname.ts); a record before it gets `nameMarker: null`: its name identifies nothing, whatever its shape;
 * - 6: `callTimeWindow` is the window the campaign has, never null (left out, it was the API's default).
 */
export const STATE_VERSION = 6;

/** The checked inputs: the schema's output plus the list's size and digest, which check works out. */
export type CampaignInputs = NormalizedCampaignInputs & {
  taskCount: number;
  tasksDigest: string;
  /** What check read of `suppressionLists` (path, size, keyed digest, removals), never their numbers. */
  suppression?: SuppressionSummary[];
  /** This resource's marker in the name (campaign/autoname.ts); null or absent: the name identifies nothing. */
  nameMarker?: string | null;
};

/** Output keys that only the API decides; never part of the inputs. */
export const OBSERVED_KEYS = [
  "status",
  "totalCalls",
  "completedCalls",
  "failedCalls",
  "activeConcurrency",
  "createdAt",
  "finishedAt",
  "pausedAt",
  "pausedBy",
  "organizationId",
] as const;

/** Observed fields whose change a refresh shows as drift (timestamps follow them and would only repeat them). */
export const DRIFT_KEYS = ["status", "totalCalls", "completedCalls", "failedCalls", "activeConcurrency", "pausedBy"] as const;

/** The part of an {@link ObservedCampaign} that outputs record: from an answer, or kept in state from the last one. */
type ObservedPart = Pick<ObservedCampaign, (typeof OBSERVED_KEYS)[number] | "scheduledAt" | ObservedWhenLeftOut>;

type NullableInputs = (typeof NULL_IN_OUTPUTS)[number];

/** The outputs in state: the inputs but the task list (left-out optional ones as null) and what the API last reported. */
export type CampaignState = Omit<CampaignInputs, NullableInputs | "tasks"> & {
  presentationNumber: string | null;
  scheduledAt: string | null;
  callTimeWindow: CampaignCallTimeWindow | null;
  stateVersion: number;
} & Omit<ObservedPart, "scheduledAt" | ObservedWhenLeftOut>;

/**
 * The outputs to record: every input but the task list (left-out optional ones as null, or as the
 * campaign has them: the field table's `observedWhenLeftOut`) plus what the API reports. `taskCount` and
 * `tasksDigest` stand for the list, which the inputs hold.
 */
export function campaignOutputs(inputs: Omit<CampaignInputs, "tasks"> & { tasks?: unknown }, view: ObservedPart): CampaignState {
  const { tasks: _inInputs, ...recorded } = inputs;
  const nulls = Object.fromEntries(NULL_IN_OUTPUTS.map((field) => [field, inputs[field] ?? null]));
  const asTheCampaignHas = Object.fromEntries(OBSERVED_WHEN_LEFT_OUT.map((field) => [field, inputs[field] ?? view[field] ?? null]));
  const observed = Object.fromEntries(OBSERVED_KEYS.map((key) => [key, view[key]]));
  return {
    ...recorded,
    ...nulls,
    ...asTheCampaignHas,
    scheduledAt: inputs.scheduledAt ?? view.scheduledAt,
    ...observed,
    stateVersion: STATE_VERSION,
  } as CampaignState;
}

/** The inputs an output record was made from (all but the task list): observed keys and nulls of left-out fields dropped. */
export function inputsOfState(state: CampaignState): Omit<CampaignInputs, "tasks"> {
  const inputs: Record<string, unknown> = { ...state };
  for (const key of [...OBSERVED_KEYS, "stateVersion"]) delete inputs[key];
  for (const field of NULL_IN_OUTPUTS) if (inputs[field] === null) delete inputs[field];
  return inputs as Omit<CampaignInputs, "tasks">;
}

/** The observed fields of a v3 answer, keeping the organization that only v2 answers name. */
export function withKnownOrganization(view: ObservedCampaign, previous: { organizationId?: string | null }): ObservedCampaign {
  return { ...view, organizationId: view.organizationId ?? previous.organizationId ?? null };
}

type StateRecord = Record<string, unknown>;

/** One step per version: turns a record of version `from` into version `from + 1`. */
const MIGRATIONS: Record<number, (record: StateRecord) => StateRecord> = {
  1: (record) => ({ ...record, callTimeWindow: clockTimeWindow(record.callTimeWindow) }),
  // Outputs held the list itself; inputs of version 3 hold it packed (a string), which stays.
  2: ({ ...record }) => {
    if (Array.isArray(record.tasks)) delete record.tasks;
    return record;
  },
  // Not worked out from the status: a pause made in vox.ai before `paused` existed is shown by the next refresh.
  3: (record) => ({ ...record, paused: record.paused ?? false }),
  // Never read from the name's shape: `spring-202604` looks like an autoname without being one.
  4: (record) => ({ ...record, nameMarker: record.nameMarker ?? null }),
  // Null was "left out", which the API fills with its default; a change made in vox.ai since shows at the next refresh.
  5: (record) => (record.callTimeWindow === null ? { ...record, callTimeWindow: API_DEFAULT_CALL_TIME_WINDOW } : record),
};

/**
 * Brings a record written by any version (outputs, or inputs, which carry no version) to the current
 * shape. A record without `stateVersion` is version 1; each step leaves an already current value alone,
 * so inputs of the current version pass through unchanged.
 */
export function migrateRecord(record: StateRecord): StateRecord {
  let version = typeof record.stateVersion === "number" ? record.stateVersion : 1;
  let current = record;
  for (; version < STATE_VERSION; version++) current = MIGRATIONS[version](current);
  return current;
}

/** The runtime's reading of outputs from state, whatever version wrote them. */
export function stateFromOutputs(outputs: StateRecord): CampaignState {
  const { __provider: _serializedProvider, ...record } = migrateRecord(outputs);
  return { ...record, stateVersion: STATE_VERSION } as CampaignState;
}

/** Version 1 windows (`startMin`/`endMin`) as clock times; anything else is returned as it is. */
function clockTimeWindow(value: unknown): unknown {
  if (value === null || typeof value !== "object" || !Array.isArray((value as { windows?: unknown }).windows)) return value;
  const window = value as { windows: StateRecord[] };
  return {
    ...window,
    windows: window.windows.map((w) =>
      typeof w.startMin === "number" && typeof w.endMin === "number"
        ? { days: w.days, start: formatClock(w.startMin), end: formatClock(w.endMin) }
        : w,
    ),
  };
}
