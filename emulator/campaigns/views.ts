import { CallTimeWindow, CampaignRecord } from "./model";

/** `call_time_window` as it appears on the wire. */
export interface CallTimeWindowWire {
  windows: Array<{ days: string[]; start_min: number; end_min: number }>;
  timezone: string;
  auto_resume: boolean;
}

function callTimeWindowWire(timeWindow: CallTimeWindow): CallTimeWindowWire {
  return {
    windows: timeWindow.windows.map((window) => ({ days: [...window.days], start_min: window.startMin, end_min: window.endMin })),
    timezone: timeWindow.timezone,
    auto_resume: timeWindow.autoResume,
  };
}

/** The fields v2 and v3 share, with timestamps rendered by `stamp`. */
function sharedFields<T>(campaign: CampaignRecord, stamp: (ms: number) => T) {
  const simulation = campaign.simulation;
  const optionalStamp = (ms: number | null) => (ms === null ? null : stamp(ms));
  return {
    name: campaign.name,
    status: campaign.status,
    from_number: campaign.fromNumber,
    presentation_number: campaign.presentationNumber,
    total_calls: campaign.tasks.length,
    completed_calls: simulation.completedCalls,
    // The contract: failed counts failed and canceled calls.
    failed_calls: simulation.failedCalls + simulation.canceledTasks,
    concurrency: campaign.concurrency,
    active_concurrency: simulation.inFlight.length,
    created_at: stamp(campaign.createdAt),
    scheduled_at: optionalStamp(campaign.scheduledAt),
    finished_at: optionalStamp(campaign.finishedAt),
    paused_at: optionalStamp(campaign.pausedAt),
    paused_by: campaign.pausedBy,
    call_time_window: callTimeWindowWire(campaign.callTimeWindow),
  };
}

/** The v3 campaign object: unix-ms timestamps, an `agent` object. */
export function toV3Campaign(campaign: CampaignRecord) {
  return {
    id: campaign.id,
    agent: { agent_id: campaign.agentId, agent_version: campaign.agentVersion },
    ...sharedFields(campaign, (ms) => ms),
  };
}

/** The v2 campaign object: ISO-8601 timestamps, flat agent fields, `organization_id`. */
export function toV2Campaign(campaign: CampaignRecord) {
  return {
    id: campaign.id,
    organization_id: campaign.organizationId,
    agent_id: campaign.agentId,
    agent_version: campaign.agentVersion,
    ...sharedFields(campaign, (ms) => new Date(ms).toISOString()),
  };
}

/** The wire shape of a v3 campaign. */
export type V3Campaign = ReturnType<typeof toV3Campaign>;
/** The wire shape of a v2 campaign. */
export type V2Campaign = ReturnType<typeof toV2Campaign>;
