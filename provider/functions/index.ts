export { getCampaign, getCampaignOutput } from "./get-campaign";
export type { GetCampaignArgs, GetCampaignOutputArgs, GetCampaignResult } from "./get-campaign";
