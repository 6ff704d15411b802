/**
 * What the `pulumi-vox` command line uses of the provider, in one entry: campaign files, contact lists,
 * the field table's review rules, the masking and window texts of messages, and for `status` the
 * campaign API client with the provider's settings rules. Not the public API (that is index.ts).
 */
export { CampaignApi } from "./api/campaigns";
export { systemClock } from "./clock";
export type { Clock } from "./clock";
export { VoxHttpClient } from "./api/http";
export { resolveSettings } from "./api/settings";
export type { ConfigSource } from "./api/settings";
export { isTerminal as isTerminalStatus } from "./campaign/observed";
export type { CampaignDescription } from "./campaign/observed";
export { API_DEFAULT_CALL_TIME_WINDOW, DAYS, windowMinutes } from "./values/window";
export type { CampaignCallTimeWindow, CampaignTask } from "./campaign/args";
export { changedFields, reviewText, reviewedFields } from "./campaign/fields";
export type { Comparable, FieldName } from "./campaign/fields";
export { migrateRecord } from "./campaign/state";
export { campaignFilesIn, readCampaignFiles } from "./campaign-files";
export type { CampaignFileReport } from "./campaign-files";
export { ContactListError, isContactListFile, readContactList, readTasksFile, tasksFilePath } from "./contact-lists";
export type { ContactList, TasksFileSpec } from "./contact-lists";
export { errorCodeIn } from "./errors";
export { describeRemovals, loadSuppression } from "./suppression";
export type { SuppressionSummary } from "./suppression";
export { displayPath } from "./files/display-path";
export { describeCallTimeWindow, formatWindow, nightWarning, nightWindows } from "./values/call-windows";
export { jsonEqual } from "./values/json";
export { maskNumber } from "./values/phone";
export { containsUnknown } from "./values/unknown";
export { DEFAULT_TIMEZONE } from "./values/window";
