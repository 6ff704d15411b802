/**
 * The one place where the API's snake_case meets the provider's camelCase: request parts out, campaign
 * answers in (docs/vox-api.md). Every wire name of the provider is here.
 */
import type { CampaignCallTimeWindow, CampaignTask } from "../campaign/args";
import { Comparable, FIELDS, FieldName, FieldRule } from "../campaign/fields";
import { ObservedCampaign, isPausedByUser } from "../campaign/observed";
import { Day, formatClock, windowMinutes } from "../values/window";

/** How an input travels: its name in the create body (POST /v2/campaigns) and in a PATCH, and its value there. */
interface WireField {
  name: string;
  /** The value as the API takes it, when it is not the value itself. */
  toWire?: (value: never) => unknown;
}

/**
 * Each input's wire field, or null for inputs that never travel as a field of their own (the tasks travel
 * apart, see {@link taskToWire}). Typed by the field names: a new input fails to compile until it has a row.
 */
export const WIRE_FIELDS: { readonly [K in FieldName]: WireField | null } = {
  name: { name: "name" },
  exactName: null,
  agentId: { name: "agent_id" },
  agentVersion: { name: "agent_version" },
  callFrom: { name: "call_from" },
  presentationNumber: { name: "presentation_number" },
  scheduledAt: { name: "scheduled_at" },
  concurrency: { name: "concurrency" },
  callTimeWindow: { name: "call_time_window", toWire: (window: CampaignCallTimeWindow) => windowToWire(window) },
  tasks: null,
  tasksFile: null,
  adoptId: null,
  allowRedial: null,
  paused: null,
  // Read by the compliance policy pack only (docs/compliance.md).
  purpose: null,
  nightCallConsent: null,
  doNotCallCheckedAt: null,
  // Applied by check to the tasks; vox.ai never sees the lists.
  suppressionLists: null,
};

/**
 * The wire fields for `fields`, taken from `values`. In a PATCH (`patch: true`) a left-out field sends what
 * the API cannot unset (the field table's `sentWhenLeftOut`). Fields without a wire field are not included.
 */
export function wireFields(fields: FieldName[], values: Comparable, { patch = false } = {}): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const wire = WIRE_FIELDS[field];
    if (!wire) continue;
    const rule: FieldRule = FIELDS[field];
    const value = values[field] ?? (patch ? rule.sentWhenLeftOut : undefined);
    if (value === undefined || value === null) continue;
    body[wire.name] = wire.toWire ? wire.toWire(value as never) : value;
  }
  return body;
}

interface WireWindow {
  days: string[];
  start_min: number;
  end_min: number;
}

export interface WireCallTimeWindow {
  windows: WireWindow[];
  timezone: string;
  auto_resume: boolean;
}

type Json = Record<string, unknown>;

/** Clock times become the API's minutes after midnight here, and nowhere else. */
export function windowToWire(window: CampaignCallTimeWindow): WireCallTimeWindow {
  return {
    windows: window.windows.map((w) => {
      const { startMin, endMin } = windowMinutes(w);
      return { days: [...w.days], start_min: startMin, end_min: endMin };
    }),
    timezone: window.timezone,
    auto_resume: window.autoResume,
  };
}

function windowFromWire(value: unknown): CampaignCallTimeWindow | null {
  if (value === null || typeof value !== "object") return null;
  const wire = value as WireCallTimeWindow;
  return {
    windows: (wire.windows ?? []).map((w) => ({ days: w.days as Day[], start: formatClock(w.start_min), end: formatClock(w.end_min) })),
    timezone: wire.timezone,
    autoResume: wire.auto_resume,
  };
}

export function taskToWire(task: CampaignTask): Json {
  return {
    call_to: task.callTo,
    dynamic_variables: task.dynamicVariables,
    metadata: task.metadata,
    presentation_number: task.presentationNumber,
  };
}

/** `tasks[3].call_to` → `tasks[3].callTo`, so API errors name the field the way the program spells it. */
export function snakeToCamelPath(path: string): string {
  return path.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** Both versions give timestamps: v2 as ISO strings, v3 as unix milliseconds. State keeps ISO. */
function isoTime(value: unknown): string | null {
  if (typeof value === "number") return new Date(value).toISOString();
  if (typeof value === "string" && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  return null;
}

const count = (value: unknown): number => (typeof value === "number" ? value : 0);
const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** Reads a v2 (flat agent fields) or v3 (`agent` object) campaign body. */
export function campaignFromWire(body: Json): ObservedCampaign {
  const agent = (body.agent ?? {}) as Json;
  const campaign = {
    id: String(body.id),
    name: String(body.name ?? ""),
    status: String(body.status ?? ""),
    agentId: String(agent.agent_id ?? body.agent_id ?? ""),
    agentVersion: String(agent.agent_version ?? body.agent_version ?? "production"),
    callFrom: String(body.from_number ?? ""),
    presentationNumber: text(body.presentation_number),
    totalCalls: count(body.total_calls),
    completedCalls: count(body.completed_calls),
    failedCalls: count(body.failed_calls),
    concurrency: count(body.concurrency),
    activeConcurrency: count(body.active_concurrency),
    createdAt: isoTime(body.created_at),
    scheduledAt: isoTime(body.scheduled_at),
    finishedAt: isoTime(body.finished_at),
    pausedAt: isoTime(body.paused_at),
    pausedBy: text(body.paused_by),
    callTimeWindow: windowFromWire(body.call_time_window),
    organizationId: text(body.organization_id),
  };
  return { ...campaign, paused: isPausedByUser(campaign) };
}
