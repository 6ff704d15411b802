/** Suppression lists: numbers never to call, taken out of a campaign's tasks at check (docs/compliance.md). */
export { loadSuppression, reloadSuppression } from "./check";
export type { CheckSuppression } from "./check";
export { SuppressionListError } from "./errors";
export { suppressionHash } from "./number-hash";
export { readSuppressionList, SUPPRESSION_LIST_LIMIT } from "./read";
export { Suppression, describeRemovals } from "./suppress";
export type { SuppressionSummary } from "./suppress";
export { absoluteSuppressionList, suppressionListPath } from "./spec";
export type { SuppressionListSpec } from "./spec";
