import { CampaignRecord } from "./model";

/** Everything the store holds, as saved in the data file. */
export interface StoreSnapshot {
  /** The sequence number the next campaign gets. */
  nextSequence: number;
  campaigns: CampaignRecord[];
}

/** The campaigns of every organization, in creation order. */
export class CampaignStore {
  private readonly byId = new Map<string, CampaignRecord>();
  private nextSequence = 1;
  private changeListener: () => void = () => undefined;

  /** Replaces the contents with a saved snapshot. */
  restore(snapshot: StoreSnapshot): void {
    this.byId.clear();
    for (const campaign of [...snapshot.campaigns].sort((a, b) => a.sequence - b.sequence)) this.byId.set(campaign.id, campaign);
    this.nextSequence = snapshot.nextSequence;
  }

  /** A copy-free view of the contents for saving; serialize it before the next change. */
  snapshot(): StoreSnapshot {
    return { nextSequence: this.nextSequence, campaigns: [...this.byId.values()] };
  }

  /** Registers the one function told about every change (the data file's saver). */
  onChange(listener: () => void): void {
    this.changeListener = listener;
  }

  /** Tells the listener that a campaign was changed in place. */
  markChanged(): void {
    this.changeListener();
  }

  /** Hands out the next creation sequence number. */
  takeSequence(): number {
    return this.nextSequence++;
  }

  add(campaign: CampaignRecord): void {
    this.byId.set(campaign.id, campaign);
    this.markChanged();
  }

  get(id: string): CampaignRecord | undefined {
    return this.byId.get(id);
  }

  /** One organization's campaigns, oldest first. */
  listOrganization(organizationId: string): CampaignRecord[] {
    return [...this.byId.values()].filter((campaign) => campaign.organizationId === organizationId);
  }

  all(): IterableIterator<CampaignRecord> {
    return this.byId.values();
  }

  get size(): number {
    return this.byId.size;
  }

  /**
   * Removes every campaign and restarts the sequence, so that after a reset the same requests get the
   * same call outcomes as in a fresh emulator with the same seed.
   */
  clear(): void {
    this.byId.clear();
    this.nextSequence = 1;
    this.markChanged();
  }
}
