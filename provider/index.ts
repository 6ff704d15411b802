/**
 * pulumi-vox: vox.ai voice-call campaigns as Pulumi resources.
 *
 * ```ts
 * import * as vox from "pulumi-vox";
 * ```
 */
export { Campaign } from "./resource";
export type { CampaignCallTimeWindow, CampaignTask, CampaignWindow } from "./resource";
export type { CallTimeWindowArgs, CampaignArgs, ClockWindowArgs, DayName, MinuteWindowArgs, TaskArgs } from "./types";
export { campaignProvider } from "./provider";
export {
  ContactListError,
  DEFAULT_CSV_COLUMNS,
  readContactList,
  tasksFromCsv,
  tasksFromJson,
} from "./contacts";
export type { ContactList, CsvColumnOptions, CsvContactOptions, JsonContactOptions, TextEncoding } from "./contacts";
export { CampaignFilesError, loadCampaignFiles } from "./gitops";
export type { CampaignFile } from "./gitops";
