import type { NormalizedCallTimeWindow, NormalizedTask } from "../schema/campaign";
import { VoxHttpClient } from "./http";
import { CampaignView, campaignFromWire, taskToWire, windowToWire } from "./wire";

/** What a create sends, besides the tasks. */
export interface CreateFields {
  name: string;
  agentId: string;
  agentVersion: string;
  callFrom: string;
  presentationNumber?: string;
  scheduledAt?: string;
  concurrency: number;
  callTimeWindow?: NormalizedCallTimeWindow;
}

export interface CampaignPatch {
  name?: string;
  callTimeWindow?: NormalizedCallTimeWindow;
}

export type CampaignAction = "pause" | "resume" | "cancel";

/** At most this many list pages are read while looking for a campaign a lost answer created. */
const MAX_LIST_PAGES = 10;

/** The campaign endpoints of the vox API (see shared/vox-api.md), one method each. */
export class CampaignApi {
  constructor(private readonly http: VoxHttpClient) {}

  async create(fields: CreateFields, tasks: NormalizedTask[]): Promise<CampaignView> {
    // Fields left undefined are left out: JSON.stringify drops them.
    const body = {
      name: fields.name,
      agent_id: fields.agentId,
      agent_version: fields.agentVersion,
      call_from: fields.callFrom,
      presentation_number: fields.presentationNumber,
      scheduled_at: fields.scheduledAt,
      concurrency: fields.concurrency,
      call_time_window: fields.callTimeWindow && windowToWire(fields.callTimeWindow),
      tasks: tasks.map(taskToWire),
    };
    return campaignFromWire(await this.http.request({ method: "POST", path: "/v2/campaigns", body, retry: "once" }));
  }

  async get(id: string): Promise<CampaignView> {
    return campaignFromWire(await this.http.request({ method: "GET", path: campaignPath(id), retry: "safe" }));
  }

  async patch(id: string, patch: CampaignPatch): Promise<CampaignView> {
    const body = { name: patch.name, call_time_window: patch.callTimeWindow && windowToWire(patch.callTimeWindow) };
    return campaignFromWire(await this.http.request({ method: "PATCH", path: campaignPath(id), body, retry: "safe" }));
  }

  async act(id: string, action: CampaignAction): Promise<CampaignView> {
    const path = `${campaignPath(id)}/${action}`;
    return campaignFromWire(await this.http.request({ method: "POST", path, retry: "safe" }));
  }

  /** Campaigns of one agent created at or after `createdAfterMs`, newest first (POST /v2/campaigns/list). */
  async listCreatedSince(agentId: string, createdAfterMs: number): Promise<CampaignView[]> {
    const found: CampaignView[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_LIST_PAGES; page++) {
      const filter = { agent_id: [agentId], start_timestamp: { lower_threshold: createdAfterMs } };
      const answer = await this.listPage(filter, 500, cursor);
      found.push(...answer.campaigns);
      if (!answer.nextCursor) return found;
      cursor = answer.nextCursor;
    }
    return found;
  }

  /** The newest campaign this API key can see, if any: it tells which organization the key belongs to. */
  async newest(): Promise<CampaignView | undefined> {
    return (await this.listPage({}, 1)).campaigns[0];
  }

  private async listPage(filter: Record<string, unknown>, limit: number, cursor?: string) {
    const answer = await this.http.request<{ campaigns?: Record<string, unknown>[]; next_cursor?: string | null }>({
      method: "POST",
      path: "/v2/campaigns/list",
      body: { filter_criteria: filter, sort_order: "descending", limit, pagination_key: cursor },
      retry: "safe",
    });
    return { campaigns: (answer.campaigns ?? []).map(campaignFromWire), nextCursor: answer.next_cursor ?? undefined };
  }
}

function campaignPath(id: string): string {
  return `/v3/campaigns/${encodeURIComponent(id)}`;
}
