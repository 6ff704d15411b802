import { describeCallTimeWindow, formatWindow, nightWarning, nightWindows } from "../../provider/gitops/call-windows";
import type { NormalizedCallTimeWindow } from "../../provider/schema/campaign";
import { canonicalJson } from "../../provider/schema/digest";
import { containsUnknown } from "../../provider/schema/unknown";
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

/** Inputs whose values may be shown; the others (caller numbers) are named without their values. */
const SHOWN_VALUES = ["name", "agentId", "agentVersion", "concurrency", "scheduledAt", "adoptId"];
/** Inputs compared for "other changes": tasks and windows have lines of their own, file paths differ between machines. */
const OTHER_INPUTS = ["name", "agentId", "agentVersion", "callFrom", "presentationNumber", "concurrency", "scheduledAt", "adoptId"];

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
  lines.push(...otherChanges(olds, news).map((change) => `- ${change}`));
  if (campaign.operation === "replace") lines.push(`- ${redialGuardLine(news)}`);
  if (campaign.operation === "delete") lines.push("- Calls not yet placed will not be placed; calls in progress finish.");
  lines.push(...nightLines(news, now).map((line) => `- ${line}`));
  lines.push(...campaign.errors.map(describeError).map((line) => `- ${line}`));
  return lines;
}

function describeWindowChange(olds: Props | undefined, news: Props): string {
  const before = olds?.callTimeWindow as NormalizedCallTimeWindow | null | undefined;
  const after = news.callTimeWindow as NormalizedCallTimeWindow | null | undefined;
  if (!olds || canonicalJson(before ?? null) === canonicalJson(after ?? null)) return windowText(after);
  if (before && after && !containsUnknown(after) && before.timezone === after.timezone) {
    // Same zone: name it once, so the eye goes to the times.
    return `${before.windows.map(formatWindow).join(", ")} → ${after.windows.map(formatWindow).join(", ")} (${after.timezone})`;
  }
  return `${windowText(before)} → ${windowText(after)}`;
}

function windowText(value: unknown): string {
  if (containsUnknown(value)) return "not known until the update runs";
  return describeCallTimeWindow(value as NormalizedCallTimeWindow | null | undefined);
}

function otherChanges(olds: Props | undefined, news: Props | undefined): string[] {
  if (!olds || !news) return [];
  return OTHER_INPUTS.filter((key) => {
    // Leaving scheduledAt or adoptId out later changes nothing (see the provider's diff).
    if ((key === "scheduledAt" || key === "adoptId") && news[key] === undefined) return false;
    return canonicalJson(olds[key] ?? null) !== canonicalJson(news[key] ?? null);
  }).map((key) => (SHOWN_VALUES.includes(key) ? `${key}: ${shown(olds[key])} → ${shown(news[key])}` : `${key} changes`));
}

function shown(value: unknown): string {
  if (value === undefined || value === null) return "(none)";
  if (containsUnknown(value)) return "(not known yet)";
  return typeof value === "string" ? `"${value}"` : String(value);
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
  const callTimeWindow = news?.callTimeWindow as NormalizedCallTimeWindow | null | undefined;
  if (!callTimeWindow || containsUnknown(callTimeWindow)) return [];
  return nightWindows(callTimeWindow, now).map((window) => `⚠️ Night calls: ${nightWarning(window, callTimeWindow.timezone)}.`);
}

/** A diagnostic in a line or two; the redial guard's in its own words. */
function describeError(message: string): string {
  const guard = /redial guard: changing (.+?) replaces campaign .*already placed (\d+) calls/s.exec(message);
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
