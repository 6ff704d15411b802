import {
  CampaignCallTimeWindow,
  FieldName,
  changedFields,
  containsUnknown,
  describeCallTimeWindow,
  errorCodeIn,
  formatWindow,
  jsonEqual,
  maskNumber,
  nightWarning,
  nightWindows,
  reviewedFields,
} from "../../provider/tooling";
import { CampaignOperation, CampaignStep, PreviewReport } from "./preview";
import { describeTaskChange } from "./task-changes";

type Props = Record<string, unknown>;

/** Lines of one error shown; the rest of a long diagnostic is in the CI log. */
const MAX_ERROR_LINES = 20;

const HEADINGS: Record<CampaignOperation, string> = {
  create: "➕ create",
  update: "✏️ update in place",
  replace: "♻️ replace: the campaign is canceled and created anew",
  delete: "🛑 delete: the campaign is canceled",
  same: "unchanged",
  failed: "⛔ the preview failed here",
};

/** Fields shown with their values, and those (caller numbers) shown masked; the field table decides. */
const SHOWN_VALUES = reviewedFields("value");
const MASKED_VALUES = reviewedFields("masked");

/** The Markdown summary of a preview for a pull request comment. Never shows a task's number. */
export function renderPreview(preview: PreviewReport, now = new Date()): string {
  const changed = preview.campaigns.filter((campaign) => campaign.operation !== "same");
  const unchanged = preview.campaigns.filter((campaign) => campaign.operation === "same");
  const lines = ["## vox campaigns in this preview", ""];
  if (preview.campaigns.length > 0) lines.push(totals(preview.campaigns), "");
  if (preview.errors.length > 0 || preview.campaigns.some((campaign) => campaign.errors.length > 0)) {
    lines.push("⛔ **The preview failed**: `pulumi up` would stop with the errors below.", "");
    for (const error of preview.errors) lines.push("```text", ...errorExcerpt(error), "```", "");
  }
  for (const campaign of changed) lines.push(...campaignSection(campaign, now), "");
  if (unchanged.length > 0) {
    lines.push(`Unchanged: ${unchanged.map((campaign) => `\`${campaign.name}\``).join(", ")}`);
    lines.push(...unchanged.flatMap((campaign) => nightLines(campaign.news, now).map((line) => `- \`${campaign.name}\`: ${line}`)));
  }
  if (preview.campaigns.length === 0 && preview.errors.length === 0) lines.push("No vox campaigns in this preview.");
  return lines.join("\n").trimEnd() + "\n";
}

function totals(campaigns: CampaignStep[]): string {
  const labels: [CampaignOperation, string][] = [
    ["create", "to create"],
    ["update", "to update"],
    ["replace", "to replace"],
    ["delete", "to delete"],
    ["same", "unchanged"],
    ["failed", "failed"],
  ];
  const parts = labels
    .map(([operation, label]) => [campaigns.filter((c) => c.operation === operation).length, label] as const)
    .filter(([n]) => n > 0)
    .map(([n, label]) => `${n} ${label}`);
  return `**${parts.join(" · ")}**`;
}

function campaignSection(campaign: CampaignStep, now: Date): string[] {
  const { olds, news } = campaign;
  const lines = [`### \`${campaign.name}\`: ${HEADINGS[campaign.operation]}`, ""];
  if (campaign.operation === "replace") lines.push(`- Replaced because of: ${campaign.replaceReasons.join(", ") || "(not reported)"}`);
  if (olds || news) lines.push(`- Tasks: ${describeTaskChange(olds, news)}`);
  if (news) lines.push(`- Call windows: ${describeWindowChange(olds, news)}`);
  lines.push(...otherChanges(olds, news, campaign.id).map((change) => `- ${change}`));
  lines.push(...pauseLines(olds, news).map((line) => `- ${line}`));
  if (campaign.operation === "replace") lines.push(`- ${redialGuardLine(news)}`);
  if (campaign.operation === "delete") lines.push("- Calls not yet placed will not be placed; calls in progress finish.");
  lines.push(...nightLines(news, now).map((line) => `- ${line}`));
  lines.push(...campaign.errors.map(describeError).map((line) => `- ${line}`));
  return lines;
}

function describeWindowChange(olds: Props | undefined, news: Props): string {
  const before = olds?.callTimeWindow as CampaignCallTimeWindow | null | undefined;
  const after = news.callTimeWindow as CampaignCallTimeWindow | null | undefined;
  if (!olds || jsonEqual(before, after)) return windowText(after);
  if (before && after && !containsUnknown(after) && before.timezone === after.timezone) {
    // Same zone: name it once, so the eye goes to the times.
    return `${before.windows.map(formatWindow).join(", ")} → ${after.windows.map(formatWindow).join(", ")} (${after.timezone})`;
  }
  return `${windowText(before)} → ${windowText(after)}`;
}

function windowText(value: unknown): string {
  if (containsUnknown(value)) return "not known until the update runs";
  return describeCallTimeWindow(value as CampaignCallTimeWindow | null | undefined);
}

/** The changes of fields without a line of their own, judged by the provider's own rules (the field table). */
function otherChanges(olds: Props | undefined, news: Props | undefined, id: string | undefined): string[] {
  if (!olds || !news) return [];
  return changedFields(olds, news, id)
    .filter((field) => SHOWN_VALUES.includes(field) || MASKED_VALUES.includes(field))
    .map((field) => `${field}: ${shown(field, olds[field])} → ${shown(field, news[field])}`);
}

function shown(field: FieldName, value: unknown): string {
  if (value === undefined || value === null) return "(none)";
  if (containsUnknown(value)) return "(not known yet)";
  if (MASKED_VALUES.includes(field)) return maskNumber(String(value));
  return typeof value === "string" ? `"${value}"` : String(value);
}

/** `paused` is applied by the pause and resume actions: said in words, with what it does to the calls. */
function pauseLines(olds: Props | undefined, news: Props | undefined): string[] {
  if (news?.paused === true && olds?.paused !== true) {
    return [`⏸ pause${olds ? "" : " right after the create"}: no new calls are placed; calls in progress finish.`];
  }
  if (news?.paused === false && olds?.paused === true) return ["▶ resume: calls start again inside the call windows."];
  return [];
}

function redialGuardLine(news: Props | undefined): string {
  if (news?.allowRedial === true) {
    return "⚠️ `allowRedial` is set: the new campaign calls everyone on its list, including people the current campaign has already called.";
  }
  return (
    "🛡️ Redial guard on (`allowRedial` not set): the current campaign had placed no calls when this preview ran; " +
    "if it has by `pulumi up`, the update stops instead of calling people again."
  );
}

function nightLines(news: Props | undefined, now: Date): string[] {
  const callTimeWindow = news?.callTimeWindow as CampaignCallTimeWindow | null | undefined;
  if (!callTimeWindow || containsUnknown(callTimeWindow)) return [];
  return nightWindows(callTimeWindow, now).map((window) => `⚠️ Night calls: ${nightWarning(window, callTimeWindow.timezone)}.`);
}

/** A diagnostic in a line or two; the redial guard's in its own words. */
function describeError(message: string): string {
  const guard = errorCodeIn(message) === "REDIAL_GUARD" && /changing (.+?) replaces campaign .*already placed (\d+) calls/s.exec(message);
  if (guard) {
    return (
      `⛔ **Redial guard**: changing ${guard[1]} would replace this campaign, which has already placed ${guard[2]} calls; ` +
      "the new campaign would call everyone on its list again. Set `allowRedial: true` to do that, or revert the change."
    );
  }
  // The engine prefixes a failed check with the resource and the property's value; the reason follows.
  return `⛔ ${errorExcerpt(message.replace(/^.*? has a problem: /, "")).join(" ")}`;
}

/** A diagnostic without terminal colours and without its stack trace: what a reviewer can act on. */
function errorExcerpt(message: string): string[] {
  const lines = message.replace(/\u001b\[[0-9;]*m/g, "").trim().split("\n");
  const stackStart = lines.findIndex((line) => /^\s+at /.test(line));
  return lines.slice(0, stackStart === -1 ? MAX_ERROR_LINES : Math.min(stackStart, MAX_ERROR_LINES));
}
