import { CampaignPage, CampaignService } from "../campaigns/service";
import { toV2Campaign, toV3Campaign } from "../campaigns/views";
import { Route } from "../http/router";
import { readEmptyBody } from "../validation/fields";

/** An authenticated API request, after routing and body parsing. */
export interface ApiRequest {
  organizationId: string;
  /** The segments the pattern's `{id}` matched. */
  params: string[];
  query: URLSearchParams;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
}

/** Every API endpoint answers 200 with a JSON body. */
export type ApiHandler = (request: ApiRequest) => unknown;

const CAMPAIGN_ACTIONS = ["pause", "resume", "cancel"] as const;

/** The campaign API of the contract: v2 create and list, v3 list, read, update and actions. */
export function apiRoutes(campaigns: CampaignService): Array<Route<ApiHandler>> {
  const page = (result: CampaignPage) => ({ next_cursor: result.nextCursor, total_count: result.totalCount });
  return [
    {
      method: "POST",
      pattern: "/v2/campaigns",
      handler: ({ organizationId, body }) => toV2Campaign(campaigns.create(organizationId, body)),
    },
    {
      method: "POST",
      pattern: "/v2/campaigns/list",
      handler: ({ organizationId, body }) => {
        const result = campaigns.listV2(organizationId, body);
        return { campaigns: result.items.map(toV2Campaign), ...page(result) };
      },
    },
    {
      method: "GET",
      pattern: "/v3/campaigns",
      handler: ({ organizationId, query }) => {
        const result = campaigns.listV3(organizationId, query);
        return { items: result.items.map(toV3Campaign), ...page(result) };
      },
    },
    {
      method: "GET",
      pattern: "/v3/campaigns/{id}",
      handler: ({ organizationId, params }) => toV3Campaign(campaigns.get(organizationId, params[0])),
    },
    {
      method: "PATCH",
      pattern: "/v3/campaigns/{id}",
      handler: ({ organizationId, params, body }) => toV3Campaign(campaigns.update(organizationId, params[0], body)),
    },
    ...CAMPAIGN_ACTIONS.map((action): Route<ApiHandler> => ({
      method: "POST",
      pattern: `/v3/campaigns/{id}/${action}`,
      handler: ({ organizationId, params, body }) => {
        readEmptyBody(body);
        return toV3Campaign(campaigns[action](organizationId, params[0]));
      },
    })),
  ];
}
