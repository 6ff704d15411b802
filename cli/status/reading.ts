/**
 * Reads the campaigns of one `status` round in as few requests as the API allows: pages of 500 from
 * POST /v2/campaigns/list, narrowed to the agents of the campaigns and to when the oldest was created,
 * until every campaign has been seen. A campaign whose agent or creation time is not known yet (given by
 * `--id`) is read with a GET once; after that the list covers it too. A campaign the list does not show
 * is read with a GET, whose error (404, say) then names it.
 */
import type { CampaignApi } from "../../provider/tooling";
import type { CampaignDescription } from "../../provider/tooling";
import type { CampaignRef } from "./sources";

/** The largest page POST /v2/campaigns/list gives (docs/vox-api.md). */
const PAGE_SIZE = 500;

export class CampaignReader {
  private readonly known = new Map<string, { agentId: string; createdAt: number }>();

  constructor(
    private readonly api: CampaignApi,
    refs: readonly CampaignRef[],
  ) {
    for (const ref of refs)
      if (ref.agentId && ref.createdAt !== undefined) this.known.set(ref.id, { agentId: ref.agentId, createdAt: ref.createdAt });
  }

  /** Every campaign of `ids`, by id. */
  async read(ids: readonly string[]): Promise<Map<string, CampaignDescription>> {
    const found = new Map<string, CampaignDescription>();
    const listed = ids.filter((id) => this.known.has(id));
    if (listed.length > 0) await this.readListed(new Set(listed), found);
    const missing = ids.filter((id) => !found.has(id));
    for (const campaign of await Promise.all(missing.map(async (id) => await this.api.get(id)))) {
      found.set(campaign.id, campaign);
      const createdAt = Date.parse(campaign.createdAt ?? "");
      if (campaign.agentId && Number.isFinite(createdAt)) this.known.set(campaign.id, { agentId: campaign.agentId, createdAt });
    }
    return found;
  }

  private async readListed(wanted: Set<string>, found: Map<string, CampaignDescription>): Promise<void> {
    const known = [...wanted].map((id) => this.known.get(id)!);
    const filter = {
      agent_id: [...new Set(known.map((k) => k.agentId))],
      // A second of slack: state may hold a creation time rounded to the second.
      start_timestamp: { lower_threshold: Math.min(...known.map((k) => k.createdAt)) - 1000 },
    };
    let cursor: string | undefined;
    let unseen = wanted.size;
    do {
      const page = await this.api.listPage(filter, PAGE_SIZE, cursor);
      for (const view of page.campaigns) {
        if (!wanted.has(view.id) || found.has(view.id)) continue;
        found.set(view.id, view);
        unseen--;
      }
      cursor = page.nextCursor;
    } while (unseen > 0 && cursor);
  }
}
