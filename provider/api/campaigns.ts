import type { CampaignTask } from "../campaign/args";
import { Comparable, FIELD_NAMES, FieldName } from "../campaign/fields";
import type { ObservedCampaign } from "../campaign/observed";
import { RetryMode, VoxHttpClient } from "./http";
import { Settings } from "./settings";
import { campaignFromWire, taskToWire, wireFields } from "./wire";

export type CampaignAction = "pause" | "resume" | "cancel";

/** At most this many list pages are read while looking for a campaign a lost answer created. */
const MAX_LIST_PAGES = 10;

/** The campaign endpoints of the vox API (see docs/vox-api.md), one method each. */
export class CampaignApi {
  constructor(private readonly http: VoxHttpClient) {}

  /** The provider settings the client was made with (timeouts, budgets; never print the key). */
  get settings(): Settings {
    return this.http.settings;
  }

  /** Where the API key in use came from (stack config or environment), for messages. */
  get keySource(): string {
    return this.http.settings.apiKeySource;
  }

  /** POST /v2/campaigns with every declared field the field table sends, and the tasks. */
  async create(inputs: Comparable, tasks: CampaignTask[]): Promise<ObservedCampaign> {
    const body = { ...wireFields(FIELD_NAMES, inputs), tasks: tasks.map(taskToWire) };
    return campaignFromWire(await this.http.request({ method: "POST", path: "/v2/campaigns", body, retry: "once" }));
  }

  async get(id: string): Promise<ObservedCampaign> {
    return campaignFromWire(await this.http.request({ method: "GET", path: campaignPath(id), retry: "safe" }));
  }

  /** PATCH of the in-place `fields`, with their values from `inputs`. */
  async patch(id: string, fields: FieldName[], inputs: Comparable): Promise<ObservedCampaign> {
    const body = wireFields(fields, inputs, { patch: true });
    return campaignFromWire(await this.http.request({ method: "PATCH", path: campaignPath(id), body, retry: "safe" }));
  }

  /**
   * A state action. `once` for pause and resume: a repeat after a lost answer would meet 409 and hide
   * what the first one did, so the caller reads the campaign instead (see update.ts).
   */
  async act(id: string, action: CampaignAction, retry: RetryMode = "safe"): Promise<ObservedCampaign> {
    const path = `${campaignPath(id)}/${action}`;
    return campaignFromWire(await this.http.request({ method: "POST", path, retry }));
  }

  /** The newest campaigns of one agent, up to MAX_LIST_PAGES pages of 500 (POST /v2/campaigns/list). */
  async agentCampaigns(agentId: string): Promise<ObservedCampaign[]> {
    const found: ObservedCampaign[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_LIST_PAGES; page++) {
      const filter = { agent_id: [agentId] };
      const answer = await this.listPage(filter, 500, cursor);
      found.push(...answer.campaigns);
      if (!answer.nextCursor) return found;
      cursor = answer.nextCursor;
    }
    return found;
  }

  /** The newest campaign this API key can see, if any: it tells which organization the key belongs to. */
  async newest(): Promise<ObservedCampaign | undefined> {
    return (await this.listPage({}, 1)).campaigns[0];
  }

  /** One page of POST /v2/campaigns/list, newest first: `filter` is its `filter_criteria`; `limit` at most 500. */
  async listPage(filter: Record<string, unknown>, limit: number, cursor?: string) {
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
