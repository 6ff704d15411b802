import { stripVTControlCharacters } from "util";
import {
  CampaignCallTimeWindow,
  changedFields,
  containsUnknown,
  describeCallTimeWindow,
  errorCodeIn,
  formatWindow,
  jsonEqual,
  nightWarning,
  nightWindows,
  reviewText,
  reviewedFields,
  DEFAULT_TIMEZONE,
} from "../../provider/tooling";
import { CampaignOperation, CampaignStep, PreviewReport } from "./preview";
import { describeTaskChange } from "./task-changes";

type Props = Record<string, unknown>;

/** Lines of one error shown; the rest of a long diagnostic is in the CI log. */
const MAX_ERROR_LINES = 20;

const HEADINGS: Record<CampaignOperation, string> = {
  create: "➕ create",
  adopt: "🔗 adopt an existing campaign: no new campaign, nobody is called by this step",
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
  if (preview.stoppedBecause) {
    lines.push(
      `⚠️ **This summary is partial**: ${preview.stoppedBecause}. Pulumi stops a preview on its first error, so campaigns ` +
        "it had not reached are not listed and the counts cover only what it reached. Fix the error and preview again for the whole plan.",
      "",
    );
  }
  if (preview.errors.length > 0 || preview.campaigns.some((campaign) => campaign.errors.length > 0)) {
    lines.push("⛔ **The preview failed**: `pulumi up` would stop with the errors below.", "");
    for (const error of preview.errors) lines.push("```text", ...errorExcerpt(error), "```", "");
  }
  const deleted = preview.campaigns.filter((campaign) => campaign.operation === "delete");
  for (const campaign of changed) lines.push(...campaignSection(campaign, now, deleted), "");
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
    ["adopt", "to adopt"],
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

function campaignSection(campaign: CampaignStep, now: Date, deleted: CampaignStep[]): string[] {
  const { olds, news } = campaign;
  const lines = [`### \`${campaign.name}\`: ${HEADINGS[campaign.operation]}`, ""];
  if (campaign.operation === "adopt" && news) lines.push(`- Campaign: ${reviewText("adoptId", news.adoptId)}`);
  if (campaign.operation === "create" && news) lines.push(...newCampaignLines(news).map((line) => `- ${line}`));
  if (campaign.operation === "create" || campaign.operation === "replace")
    lines.push(...sameListLines(news, deleted).map((line) => `- ${line}`));
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

/** What a reviewer approves for a new campaign: who calls, from which number, how fast, from when. */
function newCampaignLines(news: Props): string[] {
  const timezone = (news.callTimeWindow as CampaignCallTimeWindow | undefined)?.timezone ?? DEFAULT_TIMEZONE;
  const callerId = news.presentationNumber ? `, shown as ${reviewText("presentationNumber", news.presentationNumber)}` : "";
  return [
    `Name: ${reviewText("name", news.name)}`,
    `Agent: ${reviewText("agentId", news.agentId)} (${typeof news.agentVersion === "string" ? news.agentVersion : "production"})`,
    `Calls from: ${reviewText("callFrom", news.callFrom)}${callerId}`,
    `Concurrency: ${reviewText("concurrency", news.concurrency)} calls at once`,
    `Starts: ${typeof news.scheduledAt === "string" && !containsUnknown(news.scheduledAt) ? localTime(news.scheduledAt, timezone) : "as soon as a call window is open"}`,
  ];
}

/** `2026-12-01 09:00 (Asia/Seoul)`: the start as the campaign's own windows read time. */
function localTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")} (${timeZone})`;
}

/** A new campaign whose list is the one a deleted campaign had: a renamed file, say, calls the same people again. */
function sameListLines(news: Props | undefined, deleted: CampaignStep[]): string[] {
  const digest = news?.tasksDigest;
  if (typeof digest !== "string" || containsUnknown(digest)) return [];
  return deleted
    .filter((campaign) => campaign.olds?.tasksDigest === digest)
    .map(
      (campaign) =>
        `⚠️ Same list as \`${campaign.name}\`, which this preview deletes: the same ${news?.taskCount} people will be called again. ` +
        "If this is a renamed campaign file, declare it with Pulumi `aliases` (see docs/gitops.md) to keep the running campaign instead.",
    );
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
    .map((field) => `${field}: ${reviewText(field, olds[field])} → ${reviewText(field, news[field])}`);
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
  const lines = stripVTControlCharacters(message).trim().split("\n");
  const stackStart = lines.findIndex((line) => /^\s+at /.test(line));
  return lines.slice(0, stackStart === -1 ? MAX_ERROR_LINES : Math.min(stackStart, MAX_ERROR_LINES));
}
