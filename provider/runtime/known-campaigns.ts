import type { CampaignApi } from "../api/campaigns";
import type { ObservedCampaign } from "../campaign/observed";

/** One list of an agent's campaigns, and when (in this process's order of events) it was asked for. */
interface Snapshot {
  askedAt: number;
  campaigns: Promise<ObservedCampaign[]>;
}

/**
 * An agent's campaigns as this provider process knows them: one list request the first time a create of
 * the agent needs it, and every campaign this process has created, adopted or renamed since. An `up` of N
 * campaigns thus makes N + 1 requests, not 2N (and reads the agent's list once, not N times).
 *
 * The snapshot serves one purpose: to conclude that no unfinished campaign of a name exists, so that a
 * create may POST without asking again. That conclusion holds for the names of this stack (see
 * create.ts `recognise`): a marked name belongs to one resource of one stack, and Pulumi lets one
 * operation at a time run on a stack; any candidate the snapshot shows is confirmed by a fresh list
 * before it is adopted or refused, since its status may have moved (a replace cancels the old campaign).
 */
export class KnownCampaigns {
  private readonly snapshots = new Map<string, Snapshot>();
  /** What this process learned of a campaign from the API's answers since, by agent and id. */
  private readonly learned = new Map<string, Map<string, { at: number; campaign: ObservedCampaign }>>();
  private events = 0;

  constructor(private readonly api: CampaignApi) {}

  /**
   * The agent's campaigns of this name, as the snapshot and what came since have them; `current` when the
   * snapshot was taken for this call (there was none), so is as fresh as a list request made now.
   */
  async named(agentId: string, name: string): Promise<{ campaigns: ObservedCampaign[]; current: boolean }> {
    const current = !this.snapshots.has(agentId);
    const snapshot = this.snapshots.get(agentId) ?? this.take(agentId);
    const listed = await snapshot.campaigns;
    const since = this.learned.get(agentId) ?? new Map<string, { at: number; campaign: ObservedCampaign }>();
    const merged = new Map(listed.map((campaign) => [campaign.id, campaign]));
    // Learned before the snapshot was asked for: the snapshot is newer, unless it lacks the campaign.
    for (const [id, { at, campaign }] of since) if (at > snapshot.askedAt || !merged.has(id)) merged.set(id, campaign);
    return { campaigns: [...merged.values()].filter((campaign) => campaign.name === name), current };
  }

  /** The agent's campaigns as a list request made now finds them; they become the snapshot. */
  async fresh(agentId: string): Promise<ObservedCampaign[]> {
    return this.take(agentId).campaigns;
  }

  /** A campaign this process created, adopted or renamed: later creates see it without asking the API. */
  learn(campaign: ObservedCampaign): void {
    let byId = this.learned.get(campaign.agentId);
    if (!byId) this.learned.set(campaign.agentId, (byId = new Map()));
    byId.set(campaign.id, { at: ++this.events, campaign });
  }

  private take(agentId: string): Snapshot {
    const snapshot: Snapshot = { askedAt: ++this.events, campaigns: this.api.agentCampaigns(agentId) };
    this.snapshots.set(agentId, snapshot);
    // A failed list is not kept: the next create asks again.
    snapshot.campaigns.catch(() => {
      if (this.snapshots.get(agentId) === snapshot) this.snapshots.delete(agentId);
    });
    return snapshot;
  }
}

/** One per API client: the runtime makes one client per configured provider, which is one per provider process. */
const byClient = new WeakMap<CampaignApi, KnownCampaigns>();

/** The campaigns known to the process through `api`. */
export function knownCampaigns(api: CampaignApi): KnownCampaigns {
  let known = byClient.get(api);
  if (!known) byClient.set(api, (known = new KnownCampaigns(api)));
  return known;
}
