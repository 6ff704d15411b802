import { CampaignState } from "../campaign/state";
import { VoxError } from "../errors";
import { campaignApi } from "./client";

/**
 * The API never deletes a campaign, so a 404 most likely means the API key belongs to another
 * organization (a staging key on a production stack). Acting on "gone" would be harmful: refresh would
 * drop the campaign and the next `up` create it again; destroy would forget a campaign that keeps
 * calling; a replace would create a second campaign in the wrong organization. So a 404 is accepted as
 * "gone" only when the key sees the campaign's own organization; otherwise this throws, naming where the
 * key came from. One list request, only after a 404.
 */
export async function confirmWrongKey(id: string, state: Pick<CampaignState, "organizationId">): Promise<void> {
  const api = campaignApi();
  const newest = await api.newest();
  const advice =
    `Check the API key (${api.keySource}); after changing it in the stack config, run refresh and destroy with ` +
    "`--run-program` (they otherwise use the key stored with the stack's provider). If the campaign really is gone, " +
    "run `pulumi state delete` on this resource.";
  if (!newest) {
    throw new VoxError(
      "WRONG_ORGANIZATION",
      `campaign ${id} was not found, and this API key sees no campaign at all: it is probably another organization's key. ${advice}`,
      { campaignId: id },
    );
  }
  const expected = state.organizationId;
  if (expected && newest.organizationId && newest.organizationId !== expected) {
    throw new VoxError(
      "WRONG_ORGANIZATION",
      `campaign ${id} belongs to organization ${expected}, but this API key is for organization ${newest.organizationId}. ${advice}`,
      { campaignId: id },
    );
  }
}
