import { randomUUID } from "node:crypto";
import { Clock } from "../clock";
import { ApiError, campaignNotFound, validationError } from "../errors";
import { Simulation } from "../lifecycle/simulation";
import { CampaignAction, assertActionAllowed } from "../lifecycle/state-rules";
import { validateCreateCampaign } from "../validation/create-campaign";
import { V2ListQuery, validateV2ListQuery, validateV3ListQuery } from "../validation/list-queries";
import { readInteger, readObject, rejectUnknownFields } from "../validation/fields";
import { validatePatchCampaign } from "../validation/patch-campaign";
import { CampaignRecord, isTerminal } from "./model";
import { CampaignStore } from "./store";

/** One page of a list, newest or oldest first. */
export interface CampaignPage {
  items: CampaignRecord[];
  /** The id to pass as cursor/pagination_key for the next page; null on the last page. */
  nextCursor: string | null;
  /** How many campaigns match, over all pages. */
  totalCount: number;
}

/** Where a page starts and how long it is; `campaigns` are already in the order `newestFirst` says. */
interface Paging {
  cursor: string | null;
  /** The wire name of the cursor, for errors. */
  cursorField: string;
  limit: number;
  newestFirst: boolean;
}

/**
 * The campaign operations of the API, independent of HTTP and of the v2/v3 shapes. Every operation first
 * brings the campaigns it touches up to the emulated now.
 */
export class CampaignService {
  constructor(
    private readonly store: CampaignStore,
    private readonly simulation: Simulation,
    private readonly clock: Clock,
    /** Numbers allowed as presentation_number; null approves every valid number. */
    private readonly approvedPresentationNumbers: ReadonlySet<string> | null,
  ) {}

  /** Validates and stores a new campaign; it is returned as accepted (pending or draft), before its first step. */
  create(organizationId: string, body: unknown): CampaignRecord {
    const now = this.clock.now();
    const input = validateCreateCampaign(body, {
      now,
      isApprovedPresentationNumber: (number) => this.approvedPresentationNumbers?.has(number) ?? true,
    });
    const campaign: CampaignRecord = {
      id: randomUUID(),
      sequence: this.store.takeSequence(),
      organizationId,
      name: input.name,
      agentId: input.agentId,
      agentVersion: input.agentVersion,
      fromNumber: input.fromNumber,
      presentationNumber: input.presentationNumber,
      tasks: input.tasks,
      concurrency: input.concurrency,
      callTimeWindow: input.callTimeWindow,
      createdAt: now,
      scheduledAt: input.scheduledAt,
      status: input.scheduledAt !== null && input.scheduledAt > now ? "draft" : "pending",
      pausedBy: null,
      pausedAt: null,
      finishedAt: null,
      simulation: {
        nextTaskIndex: 0,
        inFlight: [],
        completedCalls: 0,
        failedCalls: 0,
        canceledTasks: 0,
        settledAt: null,
        resumeRequested: false,
      },
    };
    this.store.add(campaign);
    return campaign;
  }

  /** The campaign as of now; 404 for an id this organization does not have. */
  get(organizationId: string, id: string): CampaignRecord {
    const campaign = this.store.get(id);
    if (campaign === undefined || campaign.organizationId !== organizationId) throw campaignNotFound();
    this.catchUp([campaign]);
    return campaign;
  }

  /** Renames and/or replaces the call time window (draft, pending or paused only). */
  update(organizationId: string, id: string, body: unknown): CampaignRecord {
    const patch = validatePatchCampaign(body);
    return this.act(organizationId, id, "update", (campaign, now) => {
      if (patch.name !== undefined) campaign.name = patch.name;
      if (patch.callTimeWindow !== undefined) campaign.callTimeWindow = patch.callTimeWindow;
      this.simulation.settle(campaign, now);
    });
  }

  /**
   * A change made in vox.ai's dashboard, which the public API cannot make (`PATCH /_emulator/campaigns/{id}`):
   * the concurrency of an unfinished campaign, of any organization. Tests use it to stand for drift.
   */
  changeInDashboard(id: string, body: unknown): CampaignRecord {
    const change = readObject(body, "");
    rejectUnknownFields(change, ["concurrency"], "");
    const concurrency = readInteger(change.concurrency, "concurrency", 1, 100);
    const campaign = this.store.get(id);
    if (campaign === undefined) throw campaignNotFound();
    this.catchUp([campaign]);
    if (isTerminal(campaign.status)) {
      throw new ApiError(409, "INVALID_STATE", { field: "status", reason: `a campaign whose status is ${campaign.status} cannot change` });
    }
    campaign.concurrency = concurrency;
    this.simulation.settle(campaign, this.clock.now());
    this.store.markChanged();
    return campaign;
  }

  pause(organizationId: string, id: string): CampaignRecord {
    return this.act(organizationId, id, "pause", (campaign, now) => this.simulation.pause(campaign, now));
  }

  resume(organizationId: string, id: string): CampaignRecord {
    return this.act(organizationId, id, "resume", (campaign, now) => this.simulation.resume(campaign, now));
  }

  cancel(organizationId: string, id: string): CampaignRecord {
    return this.act(organizationId, id, "cancel", (campaign, now) => this.simulation.cancel(campaign, now));
  }

  /** GET /v3/campaigns: newest first. */
  listV3(organizationId: string, query: URLSearchParams): CampaignPage {
    const { cursor, limit } = validateV3ListQuery(query);
    const campaigns = this.caughtUpOrganization(organizationId).reverse();
    return this.page(organizationId, campaigns, { cursor, cursorField: "cursor", limit, newestFirst: true });
  }

  /** POST /v2/campaigns/list: filtered by status, agent and creation time; newest first unless ascending. */
  listV2(organizationId: string, body: unknown): CampaignPage {
    const query = validateV2ListQuery(body);
    const newestFirst = query.sortOrder === "descending";
    const campaigns = this.caughtUpOrganization(organizationId).filter((campaign) => matchesV2Filter(campaign, query));
    if (newestFirst) campaigns.reverse();
    return this.page(organizationId, campaigns, {
      cursor: query.paginationKey,
      cursorField: "pagination_key",
      limit: query.limit,
      newestFirst,
    });
  }

  /** Brings every campaign up to now, e.g. before the data file is written for the last time. */
  catchUpAll(): void {
    this.catchUp(this.store.all());
  }

  private act(
    organizationId: string,
    id: string,
    action: CampaignAction,
    apply: (campaign: CampaignRecord, now: number) => void,
  ): CampaignRecord {
    const campaign = this.get(organizationId, id);
    assertActionAllowed(campaign, action);
    apply(campaign, this.clock.now());
    this.store.markChanged();
    return campaign;
  }

  private caughtUpOrganization(organizationId: string): CampaignRecord[] {
    const campaigns = this.store.listOrganization(organizationId);
    this.catchUp(campaigns);
    return campaigns;
  }

  private catchUp(campaigns: Iterable<CampaignRecord>): void {
    const now = this.clock.now();
    let changed = false;
    for (const campaign of campaigns) changed = this.simulation.catchUp(campaign, now) || changed;
    if (changed) this.store.markChanged();
  }

  /**
   * The page after the cursor campaign, by its place in creation order, so that a campaign that stopped
   * matching a status filter since the previous page still works as a cursor.
   */
  private page(organizationId: string, campaigns: CampaignRecord[], paging: Paging): CampaignPage {
    const { cursor, cursorField, limit, newestFirst } = paging;
    let remaining = campaigns;
    if (cursor !== null) {
      const last = this.store.get(cursor);
      if (last === undefined || last.organizationId !== organizationId) throw validationError(cursorField, "is not the id of a campaign");
      remaining = campaigns.filter((campaign) => (newestFirst ? campaign.sequence < last.sequence : campaign.sequence > last.sequence));
    }
    const items = remaining.slice(0, limit);
    const nextCursor = remaining.length > limit ? items[items.length - 1].id : null;
    return { items, nextCursor, totalCount: campaigns.length };
  }
}

function matchesV2Filter(campaign: CampaignRecord, query: V2ListQuery): boolean {
  return (
    (query.statuses === null || query.statuses.includes(campaign.status)) &&
    (query.agentIds === null || query.agentIds.includes(campaign.agentId)) &&
    (query.createdFrom === null || campaign.createdAt >= query.createdFrom) &&
    (query.createdTo === null || campaign.createdAt <= query.createdTo)
  );
}
