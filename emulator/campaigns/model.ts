/**
 * The emulator's stored campaign: plain JSON, so that the data file is exactly this shape.
 * Wire names (snake_case) appear only in validation and views.
 */

export const CAMPAIGN_STATUSES = ["draft", "pending", "ongoing", "paused", "success", "fail", "canceled"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const TERMINAL_STATUSES: readonly CampaignStatus[] = ["success", "fail", "canceled"];

/** Day names as the API spells them, Monday first (index 0). */
export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type PausedBy = "user" | "system";

/** One call window: the listed days, from `startMin` to `endMin` minutes after local midnight. */
export interface CallWindow {
  days: Weekday[];
  startMin: number;
  endMin: number;
}

export interface CallTimeWindow {
  windows: CallWindow[];
  timezone: string;
  autoResume: boolean;
}

/** The window a campaign gets when the create request omits `call_time_window`: 08:00–20:00 daily, Seoul. */
export function defaultCallTimeWindow(): CallTimeWindow {
  return { windows: [{ days: [...WEEKDAYS], startMin: 8 * 60, endMin: 20 * 60 }], timezone: "Asia/Seoul", autoResume: true };
}

export interface CampaignTask {
  callTo: string;
  dynamicVariables?: Record<string, string>;
  metadata?: Record<string, unknown>;
  presentationNumber?: string;
}

/** A call that has been placed and has not ended yet; its outcome is fixed when it is placed. */
export interface InFlightCall {
  taskIndex: number;
  endsAt: number;
  failed: boolean;
}

/** Where the simulation stands for one campaign. */
export interface SimulationState {
  /** Tasks [0, nextTaskIndex) have been placed (or canceled before being placed). */
  nextTaskIndex: number;
  inFlight: InFlightCall[];
  completedCalls: number;
  failedCalls: number;
  /** Tasks that were never placed because the campaign was canceled; reported inside failed_calls. */
  canceledTasks: number;
  /** The emulated time the state was last brought up to; null until the first step after create. */
  settledAt: number | null;
  /** A user resume arrived outside every window: resume when one opens, even with auto_resume off. */
  resumeRequested: boolean;
}

export interface CampaignRecord {
  id: string;
  /** Creation order, also the key of the campaign's deterministic call outcomes. */
  sequence: number;
  organizationId: string;
  name: string;
  agentId: string;
  agentVersion: string;
  fromNumber: string;
  presentationNumber: string | null;
  tasks: CampaignTask[];
  concurrency: number;
  callTimeWindow: CallTimeWindow;
  createdAt: number;
  scheduledAt: number | null;
  status: CampaignStatus;
  pausedBy: PausedBy | null;
  pausedAt: number | null;
  finishedAt: number | null;
  simulation: SimulationState;
}

/** Whether the status is one a campaign never leaves. */
export function isTerminal(status: CampaignStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}
