import { DriftFinding, driftOf, finishedByItself } from "./changes";
import type { RefreshReport, RefreshedCampaign } from "./refresh-events";

/** A refresh turned into findings: the campaigns changed in vox.ai, and those that only finished. */
export interface DriftReport {
  stack?: string;
  drifted: Array<{ campaign: RefreshedCampaign; findings: DriftFinding[] }>;
  finished: RefreshedCampaign[];
  unchanged: number;
}

/** Sorts the campaigns of a refresh into drifted, finished by themselves, and unchanged. */
export function driftReport(refresh: RefreshReport): DriftReport {
  const report: DriftReport = { stack: refresh.stack, drifted: [], finished: [], unchanged: 0 };
  for (const campaign of refresh.campaigns) {
    const findings = driftOf(campaign);
    if (findings.length > 0) report.drifted.push({ campaign, findings });
    else if (finishedByItself(campaign)) report.finished.push(campaign);
    else report.unchanged += 1;
  }
  return report;
}

/** The Markdown drift report for a CI job's summary or an issue. Never shows a task's number. */
export function renderDrift(report: DriftReport): string {
  const stack = report.stack ? ` in stack \`${report.stack}\`` : "";
  const changes = report.drifted.reduce((sum, { findings }) => sum + findings.length, 0);
  const lines = [
    report.drifted.length === 0
      ? `## ✅ No drift${stack}: vox.ai holds what state says`
      : `## ⚠️ Drift${stack}: ${plural(changes, "change")} made in vox.ai to ${plural(report.drifted.length, "campaign")}`,
    "",
  ];
  for (const { campaign, findings } of report.drifted) {
    lines.push(`### \`${campaign.name}\` (campaign ${campaign.id})`, "");
    for (const finding of findings) {
      lines.push(`- ${finding.what}`, `  - put it back: ${finding.putBack}`, `  - take it in: ${finding.takeIn}`);
    }
    lines.push("");
  }
  if (report.finished.length > 0) {
    const names = report.finished.map((campaign) => `\`${campaign.name}\` (${String(campaign.after?.status)})`);
    lines.push(
      `Finished by themselves (not drift): ${names.join(", ")}. \`pulumi refresh --yes\` records it; their files ` +
        "can then be deleted (removing a finished campaign sends no request).",
      "",
    );
  }
  lines.push(`Unchanged: ${plural(report.unchanged, "campaign")}.`);
  if (report.drifted.length > 0) {
    lines.push(
      "",
      "`pulumi up --refresh` applies the program to what vox.ai holds now. A plain `pulumi up` compares the program " +
        "with state as it was, so it leaves these changes in place.",
    );
  }
  return lines.join("\n");
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
