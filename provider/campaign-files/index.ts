/** Campaign files (YAML or JSON, one campaign each) for GitOps programs and the `pulumi-vox` CLI. */
export type { CampaignFile, CampaignFileReport } from "./campaign-file";
export { CampaignFilesError, campaignFilesIn, loadCampaignFiles, readCampaignFiles } from "./campaign-files";
