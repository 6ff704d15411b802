import * as fs from "fs";
import {
  CampaignCallTimeWindow,
  CampaignFileReport,
  ContactList,
  ContactListError,
  campaignFilesIn,
  describeCallTimeWindow,
  displayPath,
  readCampaignFiles,
  readContactList,
} from "../provider/tooling";
import { EXIT, UsageError } from "./usage";
import type { Output } from "./output";

/** The directory `validate` reads without arguments, as in examples/gitops. */
export const DEFAULT_CAMPAIGN_DIRECTORY = "campaigns";

/**
 * `pulumi-vox validate [path ...]`: validates campaign files and the contact lists they name, prints
 * every error and warning and an OK line per valid file, and returns the exit code.
 */
export function validateCommand(paths: string[], output: Output): number {
  const files = (paths.length > 0 ? paths : [DEFAULT_CAMPAIGN_DIRECTORY]).flatMap(campaignFilesAt);
  if (files.length === 0) {
    output.out(`no campaign files (*.yaml, *.yml, *.json) in ${paths.join(", ") || DEFAULT_CAMPAIGN_DIRECTORY}`);
    return EXIT.ok;
  }
  let errors = 0;
  let warnings = 0;
  let valid = 0;
  for (const report of readCampaignFiles(files)) {
    const contacts = report.campaign ? checkContactList(report) : undefined;
    const fileErrors = [...report.errors, ...(contacts?.errors ?? [])];
    const fileWarnings = [...report.warnings, ...(contacts?.list?.warnings ?? [])];
    fileErrors.forEach((error) => output.err(error));
    fileWarnings.forEach((warning) => output.err(`warning: ${warning}`));
    if (fileErrors.length === 0) {
      output.out(`OK ${report.displayName}: ${summary(report, contacts?.list)}`);
      valid++;
    }
    errors += fileErrors.length;
    warnings += fileWarnings.length;
  }
  output.out(
    `${plural(files.length, "campaign file")}: ${valid} OK, ${files.length - valid} with errors; ` +
      `${plural(errors, "error")}, ${plural(warnings, "warning")}`,
  );
  return errors > 0 ? EXIT.invalid : EXIT.ok;
}

function campaignFilesAt(target: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    throw new UsageError(`${target}: no such file or directory`);
  }
  return stat.isDirectory() ? campaignFilesIn(target) : [target];
}

function checkContactList(report: CampaignFileReport): { list?: ContactList; errors: string[] } {
  const file = report.campaign?.args.tasksFile;
  if (typeof file !== "string") return { errors: [] };
  try {
    return { list: readContactList(file), errors: [] };
  } catch (error) {
    if (!(error instanceof ContactListError)) throw error;
    // Name the campaign file too: the same list may serve several campaigns.
    return { errors: error.problems.map((problem) => `${problem} (tasksFile of ${report.displayName})`) };
  }
}

/** `renewal ("Renewal reminder"): 2 tasks, Mon–Fri 09:00–12:00 (Asia/Seoul)`; never a number. */
function summary(report: CampaignFileReport, list: ContactList | undefined): string {
  const { inputs, resourceName } = report;
  const name = inputs.name === resourceName ? resourceName : `${resourceName} ("${inputs.name}")`;
  const tasks = list
    ? `${plural(list.tasks.length, "task")} from ${displayPath(String(inputs.tasksFile))} (${list.encoding.toUpperCase()})`
    : plural(Number(inputs.taskCount), "task");
  return `${name}: ${tasks}, ${describeCallTimeWindow(inputs.callTimeWindow as CampaignCallTimeWindow | undefined)}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
