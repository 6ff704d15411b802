import { validationError } from "../errors";
import { CallTimeWindow, CampaignTask, defaultCallTimeWindow } from "../campaigns/model";
import { readCallTimeWindow } from "./call-time-window";
import { childPath, readArray, readCampaignName, readInteger, readObject, readRequired, readString, rejectUnknownFields } from "./fields";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "./json-depth";
import { readKoreanPhoneNumber } from "./phone";
import { readIsoTimestamp } from "./timestamp";

const CREATE_FIELDS = [
  "name",
  "call_from",
  "agent_id",
  "agent_version",
  "tasks",
  "presentation_number",
  "scheduled_at",
  "concurrency",
  "call_time_window",
] as const;
const TASK_FIELDS = ["call_to", "dynamic_variables", "metadata", "presentation_number"] as const;

/** The contract's assumed upper bound of tasks in one create request. */
export const MAX_TASKS = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AGENT_VERSION = /^(production|current|v[1-9][0-9]*)$/;
const AGENT_VERSION_FORMS = ["production", "current", "v<N>"];

/** A validated POST /v2/campaigns body, defaults applied. */
export interface CreateCampaignInput {
  name: string;
  fromNumber: string;
  agentId: string;
  agentVersion: string;
  presentationNumber: string | null;
  scheduledAt: number | null;
  concurrency: number;
  callTimeWindow: CallTimeWindow;
  tasks: CampaignTask[];
}

/** What validation needs to know beyond the body. */
export interface CreateValidationContext {
  /** The emulated time, against which `scheduled_at` must not be in the past. */
  now: number;
  isApprovedPresentationNumber(number: string): boolean;
}

/** Validates a create body; throws 400 VALIDATION_ERROR naming the first offending field. */
export function validateCreateCampaign(body: unknown, context: CreateValidationContext): CreateCampaignInput {
  const object = readObject(body, "");
  rejectUnknownFields(object, CREATE_FIELDS, "");
  const name = readCampaignName(readRequired(object, "name", ""), "name");
  const fromNumber = readKoreanPhoneNumber(readRequired(object, "call_from", ""), "call_from");
  const agentId = readString(readRequired(object, "agent_id", ""), "agent_id");
  if (!UUID.test(agentId)) throw validationError("agent_id", "must be an agent UUID");
  const agentVersion = readAgentVersion(object.agent_version);
  const presentationNumber =
    object.presentation_number === undefined || object.presentation_number === null
      ? null
      : readPresentationNumber(object.presentation_number, "presentation_number", context);
  const scheduledAt =
    object.scheduled_at === undefined || object.scheduled_at === null ? null : readScheduledAt(object.scheduled_at, context.now);
  const concurrency = object.concurrency === undefined ? 5 : readInteger(object.concurrency, "concurrency", 1, 100);
  const callTimeWindow =
    object.call_time_window === undefined ? defaultCallTimeWindow() : readCallTimeWindow(object.call_time_window, "call_time_window");
  const tasks = readTasks(readRequired(object, "tasks", ""), context);
  return { name, fromNumber, agentId, agentVersion, presentationNumber, scheduledAt, concurrency, callTimeWindow, tasks };
}

function readAgentVersion(value: unknown): string {
  if (value === undefined || value === null) return "production";
  const version = readString(value, "agent_version");
  if (!AGENT_VERSION.test(version)) {
    throw validationError("agent_version", "must be production, current or v<N> with N >= 1", AGENT_VERSION_FORMS);
  }
  return version;
}

function readPresentationNumber(value: unknown, field: string, context: CreateValidationContext): string {
  const number = readKoreanPhoneNumber(value, field);
  if (!context.isApprovedPresentationNumber(number)) throw validationError(field, "is not approved for this organization");
  return number;
}

function readScheduledAt(value: unknown, now: number): number {
  const scheduledAt = readIsoTimestamp(value, "scheduled_at");
  if (scheduledAt < now) throw validationError("scheduled_at", "must not be in the past");
  return scheduledAt;
}

function readTasks(value: unknown, context: CreateValidationContext): CampaignTask[] {
  const rawTasks = readArray(value, "tasks");
  if (rawTasks.length < 1 || rawTasks.length > MAX_TASKS) {
    throw validationError("tasks", `must contain 1 to ${MAX_TASKS} tasks`);
  }
  return rawTasks.map((rawTask, index) => readTask(rawTask, childPath("tasks", index), context));
}

function readTask(value: unknown, field: string, context: CreateValidationContext): CampaignTask {
  const object = readObject(value, field);
  rejectUnknownFields(object, TASK_FIELDS, field);
  const task: CampaignTask = { callTo: readKoreanPhoneNumber(readRequired(object, "call_to", field), childPath(field, "call_to")) };
  if (object.dynamic_variables !== undefined) {
    task.dynamicVariables = readDynamicVariables(object.dynamic_variables, childPath(field, "dynamic_variables"));
  }
  if (object.metadata !== undefined) task.metadata = readMetadata(object.metadata, childPath(field, "metadata"));
  if (object.presentation_number !== undefined) {
    task.presentationNumber = readPresentationNumber(object.presentation_number, childPath(field, "presentation_number"), context);
  }
  return task;
}

/** Free-form, but at most MAX_JSON_DEPTH levels deep, so that the campaign can always be saved and served. */
function readMetadata(value: unknown, field: string): Record<string, unknown> {
  const metadata = readObject(value, field);
  if (nestsDeeperThan(metadata, MAX_JSON_DEPTH)) {
    throw validationError(field, `must not nest objects and arrays more than ${MAX_JSON_DEPTH} levels deep`);
  }
  return metadata;
}

function readDynamicVariables(value: unknown, field: string): Record<string, string> {
  const object = readObject(value, field);
  for (const [key, variable] of Object.entries(object)) readString(variable, childPath(field, key));
  return object as Record<string, string>;
}
