/**
 * The one place where the API's snake_case meets the provider's camelCase: request parts out, campaign
 * answers in (docs/vox-api.md). Which field goes where is the field table's (campaign/fields.ts).
 */
import type { CampaignCallTimeWindow, CampaignTask } from "../campaign/args";
import { Day, formatClock, windowMinutes } from "../values/window";

/** The campaign as the provider sees it, whichever API version (v2 ISO / v3 unix-ms) answered. */
export interface CampaignView {
  id: string;
  name: string;
  status: string;
  agentId: string;
  agentVersion: string;
  fromNumber: string;
  presentationNumber: string | null;
  totalCalls: number;
  completedCalls: number;
  failedCalls: number;
  concurrency: number;
  activeConcurrency: number;
  createdAt: string | null;
  scheduledAt: string | null;
  finishedAt: string | null;
  pausedAt: string | null;
  pausedBy: string | null;
  callTimeWindow: CampaignCallTimeWindow | null;
  /** Only v2 answers carry it; null from v3. */
  organizationId: string | null;
}

export const TERMINAL_STATUSES = ["success", "fail", "canceled"];

export function isTerminal(status: unknown): boolean {
  return typeof status === "string" && TERMINAL_STATUSES.includes(status);
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
export function campaignFromWire(body: Json): CampaignView {
  const agent = (body.agent ?? {}) as Json;
  return {
    id: String(body.id),
    name: String(body.name ?? ""),
    status: String(body.status ?? ""),
    agentId: String(agent.agent_id ?? body.agent_id ?? ""),
    agentVersion: String(agent.agent_version ?? body.agent_version ?? "production"),
    fromNumber: String(body.from_number ?? ""),
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
}
