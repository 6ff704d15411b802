/**
 * `pulumi-vox/policy`: for authors of their own policies about vox.ai campaigns. Recognise a campaign on
 * either resource type, read its task list (packed in the inputs a policy receives) and mask what a
 * message shows of a number; or reuse the compliance rules in a pack of your own.
 */
export { CAMPAIGN_TYPES, callTimeWindowOf, isCampaign } from "./campaign";
export type { WindowReading } from "./campaign";
export { compliancePolicies } from "./policies";
export { campaignTasks, countTasks, maskNumber } from "./tasks";
export type { PolicyTask, PolicyTaskList } from "./tasks";
