/**
 * An update plan (`pulumi preview --save-plan plan.json`) as a reviewer reads it: what `pulumi up --plan
 * plan.json` will do to each campaign, and nothing else. The plan holds the checked inputs of each
 * campaign, the task list among them sealed (provider/campaign/packed-tasks.ts) inside the stack's own
 * secret encryption: the summary tells the list by its count and digest, and masks caller numbers as the
 * preview summary does.
 */
import {
  type CampaignCallTimeWindow,
  type FieldName,
  describeCallTimeWindow,
  migrateRecord,
  reviewText,
  reviewedFields,
} from "../../provider/tooling";
import { HEADINGS, SHORT, nightLines, totals } from "./markdown";
import { type CampaignOperation, OPERATIONS, WEIGHT, isCampaignUrn } from "./preview";

type Props = Record<string, unknown>;

/** One campaign of a plan. */
export interface PlannedCampaign {
  name: string;
  operation: CampaignOperation;
  /** The inputs the plan changes (for a create: every input declared). */
  changed: string[];
  /** The campaign's checked inputs as planned (for a delete, its last outputs). */
  news?: Props;
}

export interface PlanReport {
  stack?: string;
  campaigns: PlannedCampaign[];
}

/** Values check works out or the program records: not what a reviewer changes. */
const DERIVED = new Set(["__provider", "taskCount", "tasksDigest", "nameMarker"]);
const SHOWN = [...reviewedFields("value"), ...reviewedFields("masked")];

/** Whether `value` is a plan file's JSON (`resourcePlans`), rather than `pulumi preview --json` output. */
export function isPlan(value: unknown): value is { resourcePlans: Record<string, unknown> } {
  return isObject(value) && isObject(value.resourcePlans);
}

/** The campaigns of a plan file (`resourcePlans` by URN, each with `steps`, `goal.inputDiff` and `state`). */
export function readPlan(plan: { resourcePlans: Record<string, unknown> }): PlanReport {
  let stack: string | undefined;
  const campaigns: PlannedCampaign[] = [];
  for (const [urn, resourcePlan] of Object.entries(plan.resourcePlans)) {
    stack ??= /^urn:pulumi:([^:]+)::/.exec(urn)?.[1];
    if (!isCampaignUrn(urn) || !isObject(resourcePlan)) continue;
    const steps = Array.isArray(resourcePlan.steps) ? resourcePlan.steps.map(String) : [];
    const operation = steps
      .map((step) => OPERATIONS[step] ?? "update")
      .reduce<CampaignOperation>((most, next) => (WEIGHT[next] > WEIGHT[most] ? next : most), "same");
    const diff = isObject(resourcePlan.goal) && isObject(resourcePlan.goal.inputDiff) ? resourcePlan.goal.inputDiff : {};
    const keys = [...Object.keys(isObject(diff.adds) ? diff.adds : {}), ...Object.keys(isObject(diff.updates) ? diff.updates : {})];
    if (Array.isArray(diff.deletes)) keys.push(...diff.deletes.map(String));
    const state = isObject(resourcePlan.state) ? migrateRecord(resourcePlan.state) : undefined;
    campaigns.push({
      name: urn.slice(urn.lastIndexOf("::") + 2),
      // Creating with adoptId claims a campaign that exists: nobody is called by it.
      operation: operation === "create" && typeof state?.adoptId === "string" ? "adopt" : operation,
      changed: [...new Set(keys)].filter((key) => !DERIVED.has(key)).sort(),
      news: state,
    });
  }
  return { stack, campaigns: campaigns.sort((a, b) => a.name.localeCompare(b.name)) };
}

/** The Markdown summary of a plan at `now` (unix ms: which windows reach into the night). Never shows a task's number. */
export function renderPlan(plan: PlanReport, file: string, now: number): string {
  const changed = plan.campaigns.filter((campaign) => campaign.operation !== "same");
  const unchanged = plan.campaigns.filter((campaign) => campaign.operation === "same");
  const lines = [`## vox campaigns in this plan${plan.stack ? ` of stack \`${plan.stack}\`` : ""}`, ""];
  if (plan.campaigns.length === 0) return lines.concat("No vox campaigns in this plan.").join("\n") + "\n";
  lines.push(totals(plan.campaigns), "");
  lines.push(
    `\`pulumi up --plan ${file}\` applies exactly this. An edit made after the plan (a number, a list file, a window, ` +
      "a campaign added or removed) is refused before anything is sent to vox.ai: preview again and review the new plan.",
    "",
  );
  lines.push("| Campaign | Change | Inputs changed | Tasks |", "| --- | --- | --- | --- |");
  for (const campaign of plan.campaigns) {
    const inputs = campaign.operation === "same" || campaign.operation === "create" ? "–" : campaign.changed.join(", ") || "–";
    lines.push(`| \`${campaign.name}\` | ${SHORT[campaign.operation]} | ${inputs} | ${tasksText(campaign.news)} |`);
  }
  lines.push("");
  for (const campaign of changed) {
    lines.push(`### \`${campaign.name}\`: ${HEADINGS[campaign.operation]}`, "");
    const fields = campaign.operation === "create" ? SHOWN.filter((field) => campaign.news?.[field] !== undefined) : campaign.changed;
    for (const field of fields) lines.push(`- ${fieldLine(field, campaign.news)}`);
    lines.push(`- Tasks: ${tasksText(campaign.news)}`);
    lines.push(...nightLines(campaign.news, now).map((line) => `- ${line}`), "");
  }
  if (unchanged.length > 0) lines.push(`Unchanged: ${unchanged.map((campaign) => `\`${campaign.name}\``).join(", ")}`);
  return lines.join("\n").trimEnd() + "\n";
}

/** A changed input as planned: values as the preview summary shows them (caller numbers masked), the list by count. */
function fieldLine(field: string, news: Props | undefined): string {
  if (field === "tasks" || field === "tasksFile") return `${field}: the list changes (see Tasks)`;
  if (field === "callTimeWindow")
    return `Call windows: ${describeCallTimeWindow(news?.callTimeWindow as CampaignCallTimeWindow | undefined)}`;
  if (field === "paused") return news?.paused === true ? "paused: no new calls are placed" : "paused: off, calls go on";
  if ((SHOWN as string[]).includes(field)) return `${field}: ${reviewText(field as FieldName, news?.[field])}`;
  return `${field} changes`;
}

/** `2 tasks, digest hmac-sha256:b990bf88:6a45bc28…`: enough to match a review with state, nothing of the numbers. */
function tasksText(news: Props | undefined): string {
  if (typeof news?.taskCount !== "number") return "–";
  const count = news.taskCount === 1 ? "1 task" : `${news.taskCount} tasks`;
  return typeof news.tasksDigest === "string" ? `${count}, digest \`${news.tasksDigest.slice(0, 29)}…\`` : count;
}

function isObject(value: unknown): value is Props {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
