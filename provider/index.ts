/**
 * pulumi-vox: vox.ai voice-call campaigns as Pulumi resources.
 *
 * ```ts
 * import * as vox from "pulumi-vox";
 * ```
 */
export { Campaign } from "./resource";
export type {
  CallTimeWindowArgs,
  CampaignArgs,
  CampaignCallTimeWindow,
  CampaignTask,
  CampaignWindow,
  ClockWindowArgs,
  DayName,
  MinuteWindowArgs,
  TaskArgs,
  TasksFileArgs,
} from "./campaign/args";
export { campaignProvider } from "./serialized-provider";
export { getCampaign, getCampaignOutput } from "./get-campaign";
export type { GetCampaignArgs, GetCampaignOutputArgs, GetCampaignResult } from "./get-campaign";
export type { CampaignDescription } from "./campaign/observed";
export { ContactListError, DEFAULT_CSV_COLUMNS, readContactList, tasksFromCsv, tasksFromJson } from "./contact-lists";
export type { ContactList, CsvColumnOptions, CsvContactOptions, JsonContactOptions, TextEncoding } from "./contact-lists";
export { CampaignFilesError, loadCampaignFiles } from "./campaign-files";
export type { CampaignFile } from "./campaign-files";
export { ERROR_CODES, VoxError } from "./errors";
export { SuppressionListError, suppressionHash } from "./suppression";
export type { SuppressionListArgs, SuppressionFormat } from "./campaign/args";
export type { VoxErrorCode } from "./errors";
