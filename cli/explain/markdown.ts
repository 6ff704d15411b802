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
import { effectiveWindow, localDayTime, nextWindowOpening, windowOpenAt } from "../call-windows";
import { CampaignOperation, CampaignStep, ListFacts, PreviewReport } from "./preview";
import { describeSuppression } from "./suppression";
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

/** Short names of the operations, for the table. */
const SHORT: Record<CampaignOperation, string> = {
  create: "➕ create",
  adopt: "🔗 adopt",
  update: "✏️ update",
  replace: "♻️ replace",
  delete: "🛑 delete",
  same: "unchanged",
  failed: "⛔ failed",
};

/** A table first from this many campaigns on: the whole plan at a glance, the details below it. */
const TABLE_FROM = 2;

const HOUR_MS = 3_600_000;

/**
 * The Markdown summary of a preview for a pull request comment, at the time `now` (unix ms: whether a
 * window is open, how old state is). Never shows a task's number.
 */
export function renderPreview(preview: PreviewReport, now: number): string {
  const shown = (campaign: CampaignStep) => campaign.operation !== "same" || campaign.renamedFrom !== undefined;
  const changed = preview.campaigns.filter(shown);
  const unchanged = preview.campaigns.filter((campaign) => !shown(campaign));
  const lines = [`## vox campaigns in this preview${preview.stack ? ` of stack \`${preview.stack}\`` : ""}`, ""];
  if (preview.campaigns.length > 0) lines.push(totals(preview.campaigns), "");
  if (preview.campaigns.length >= TABLE_FROM) lines.push(...table(preview.campaigns, now), "");
  lines.push(...stateLines(preview, now), ...apiKeyLines(preview));
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

/** One row per campaign: what happens to it, its list and its windows. */
function table(campaigns: CampaignStep[], now: number): string[] {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const rows = campaigns.map((campaign) => {
    const change = [
      SHORT[campaign.operation],
      ...(campaign.renamedFrom ? [`renamed from \`${campaign.renamedFrom}\``] : []),
      ...(nightLines(campaign.news, now).length > 0 ? ["⚠️ night calls"] : []),
    ].join(", ");
    const tasks = describeTaskChange(campaign.olds, campaign.news, campaign.listFacts);
    const windows = campaign.news ? describeWindowChange(campaign.olds, campaign.news) : "–";
    return `| \`${campaign.name}\` | ${cell(change)} | ${cell(tasks)} | ${cell(windows)} |`;
  });
  return ["| Campaign | Change | Tasks | Call windows |", "| --- | --- | --- | --- |", ...rows];
}

/**
 * How old the state is that the preview compared against: a campaign may have finished or been paused in
 * vox.ai since, and only `--refresh` reads that before the comparison.
 */
function stateLines(preview: PreviewReport, now: number): string[] {
  const recorded = preview.campaigns.filter((campaign) => campaign.olds && campaign.operation !== "create");
  if (recorded.length === 0) return [];
  if (preview.refreshed) return ["State: read from vox.ai by this preview (`--refresh`).", ""];
  const times = recorded.map((campaign) => campaign.recordedAt);
  const advice = "A campaign may have finished or been paused since: `pulumi preview --refresh` compares against vox.ai now.";
  if (times.some((at) => at === undefined)) {
    return [`State: this preview does not say how old the recorded campaign state is. ${advice}`, ""];
  }
  const oldest = Math.min(...(times as number[]));
  return [`State: as recorded ${age(now - oldest)} ago (the oldest campaign record). ${advice}`, ""];
}

/** `45 min`, `3 h`, `2 d`. */
function age(ms: number): string {
  if (ms < HOUR_MS) return `${Math.max(1, Math.round(ms / 60_000))} min`;
  if (ms < 48 * HOUR_MS) return `${Math.round(ms / HOUR_MS)} h`;
  return `${Math.round(ms / (24 * HOUR_MS))} d`;
}

/** A preview without an API key asks vox.ai nothing, and passes: say what it could not check. */
function apiKeyLines(preview: PreviewReport): string[] {
  if (preview.apiKeyInConfig !== false || preview.campaigns.length === 0) return [];
  return [
    "⚠️ **No `vox:apiKey` in the stack config**: unless `VOX_API_KEY` was set for the preview, it asked vox.ai nothing. " +
      "Not checked then: that the key is valid, that existing campaigns are still as state records them (a finished " +
      "campaign cannot change, and `up` would fail), the calls a campaign to replace has placed (the redial guard), and " +
      "what a campaign to adopt holds. `pulumi-vox doctor` checks a key.",
    "",
  ];
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

function campaignSection(campaign: CampaignStep, now: number, deleted: CampaignStep[]): string[] {
  const { olds, news } = campaign;
  const renamed = campaign.renamedFrom
    ? `${campaign.operation === "same" ? "" : ", "}renamed from \`${campaign.renamedFrom}\` through \`aliases\`: the same campaign, nobody is called again`
    : "";
  const heading =
    campaign.operation === "same" && renamed ? renamed.charAt(0).toUpperCase() + renamed.slice(1) : HEADINGS[campaign.operation] + renamed;
  const lines = [`### \`${campaign.name}\`: ${heading}`, ""];
  if (campaign.operation === "adopt" && news) lines.push(`- Campaign: ${reviewText("adoptId", news.adoptId)}`);
  if (campaign.operation === "create" && news) lines.push(...newCampaignLines(news, campaign.listFacts).map((line) => `- ${line}`));
  if (campaign.operation === "create" || campaign.operation === "replace")
    lines.push(...sameListLines(news, deleted).map((line) => `- ${line}`));
  if (campaign.operation === "replace") lines.push(`- Replaced because of: ${campaign.replaceReasons.join(", ") || "(not reported)"}`);
  if (olds || news) lines.push(`- Tasks: ${describeTaskChange(olds, news, campaign.listFacts)}`);
  const suppression = describeSuppression(olds, news);
  if (suppression) lines.push(`- Suppression lists: ${suppression}`);
  if (news) lines.push(`- Call windows: ${describeWindowChange(olds, news)}`);
  lines.push(...otherChanges(olds, news, campaign.id).map((change) => `- ${change}`));
  lines.push(...pauseLines(olds, news, now).map((line) => `- ${line}`));
  if (campaign.operation === "replace") lines.push(`- ${redialGuardLine(news)}`);
  if (campaign.operation === "delete") lines.push("- Calls not yet placed will not be placed; calls in progress finish.");
  lines.push(...nightLines(news, now).map((line) => `- ${line}`));
  lines.push(...campaign.errors.map(describeError).map((line) => `- ${line}`));
  return lines;
}

/** What a reviewer approves for a new campaign: who calls, with which caller id, how fast, from when. */
function newCampaignLines(news: Props, facts: ListFacts | undefined): string[] {
  const timezone = (news.callTimeWindow as CampaignCallTimeWindow | undefined)?.timezone ?? DEFAULT_TIMEZONE;
  return [
    `Name: ${reviewText("name", news.name)}`,
    `Agent: ${reviewText("agentId", news.agentId)} (${typeof news.agentVersion === "string" ? news.agentVersion : "production"})`,
    ...callerLines(news, facts),
    `Concurrency: ${reviewText("concurrency", news.concurrency)} calls at once`,
    `Starts: ${typeof news.scheduledAt === "string" && !containsUnknown(news.scheduledAt) ? localTime(news.scheduledAt, timezone) : "as soon as a call window is open"}`,
  ];
}

/**
 * Which number people see, by the API's precedence: a task's own \`presentationNumber\`, else the
 * campaign's, else \`callFrom\`. The rows are counted from the contact-list file when it is here.
 */
function callerLines(news: Props, facts: ListFacts | undefined): string[] {
  const campaignLine = news.presentationNumber
    ? `${reviewText("presentationNumber", news.presentationNumber)} (\`presentationNumber\`)`
    : `${reviewText("callFrom", news.callFrom)} (\`callFrom\`: no \`presentationNumber\`)`;
  const perTask =
    facts?.ownCallerIds === undefined
      ? "; a task's own `presentationNumber` wins (tasks are not visible in a preview)"
      : facts.ownCallerIds > 0
        ? `; ${facts.ownCallerIds} ${facts.ownCallerIds === 1 ? "task shows its" : "tasks show their"} own \`presentationNumber\` instead`
        : "; no task has its own";
  return [`Calls from: ${reviewText("callFrom", news.callFrom)}`, `Caller id people see: ${campaignLine}${perTask}`];
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

/**
 * `paused` is applied by the pause and resume actions: said in words, with what it does to the calls.
 * A campaign created paused says whether a window is open now, so a reviewer knows what a resume does.
 */
function pauseLines(olds: Props | undefined, news: Props | undefined, now: number): string[] {
  if (news?.paused === true && !olds) {
    return [`⏸ created paused: no calls are placed until someone resumes it. ${windowNow(news.callTimeWindow, now)}`];
  }
  if (news?.paused === true && olds?.paused !== true) return ["⏸ pause: no new calls are placed; calls in progress finish."];
  if (news?.paused === false && olds?.paused === true) return ["▶ resume: calls start again inside the call windows."];
  return [];
}

/** `A call window is open now (Mon 10:15 Asia/Seoul): …` or when the next one opens. */
function windowNow(value: unknown, now: number): string {
  if (containsUnknown(value)) return "Its windows are not known until the update runs.";
  const window = effectiveWindow(value as CampaignCallTimeWindow | null | undefined);
  const here = `${localDayTime(window.timezone, now)} ${window.timezone}`;
  if (windowOpenAt(window, now)) return `A call window is open now (${here}): a resume would start calling at once.`;
  const next = nextWindowOpening(window, now);
  return `No call window is open now (${here})${next ? `; the next opens ${next.local}` : ""}.`;
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

function nightLines(news: Props | undefined, now: number): string[] {
  const callTimeWindow = news?.callTimeWindow as CampaignCallTimeWindow | null | undefined;
  if (!callTimeWindow || containsUnknown(callTimeWindow)) return [];
  return nightWindows(callTimeWindow, new Date(now)).map((window) => `⚠️ Night calls: ${nightWarning(window, callTimeWindow.timezone)}.`);
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
