import * as fs from "fs";
import {
  CampaignCallTimeWindow,
  CampaignFileReport,
  ContactList,
  ContactListError,
  campaignFilesIn,
  describeCallTimeWindow,
  displayPath,
  isContactListFile,
  readCampaignFiles,
  readContactList,
  readTasksFile,
  describeRemovals,
  loadSuppression,
  tasksFilePath,
} from "../provider/tooling";
import type { CampaignTask, SuppressionSummary, TasksFileSpec } from "../provider/tooling";
import { EXIT, UsageError } from "./usage";
import type { Output } from "./output";

/** The directory `validate` reads without arguments, as in examples/gitops. */
export const DEFAULT_CAMPAIGN_DIRECTORY = "campaigns";

/**
 * `pulumi-vox validate [path ...]`: validates campaign files and the contact lists they name, and contact
 * lists named on their own (a `.csv`, or a `.json` array); prints every error and warning and an OK line
 * per valid file, and returns the exit code.
 */
export function validateCommand(paths: string[], output: Output): number {
  const targets = (paths.length > 0 ? paths : [DEFAULT_CAMPAIGN_DIRECTORY]).map(classify);
  const files = targets.flatMap((target) => target.campaignFiles);
  const lists = targets.flatMap((target) => target.contactList ?? []);
  if (files.length === 0 && lists.length === 0) {
    output.out(`no campaign files (*.yaml, *.yml, *.json) in ${paths.join(", ") || DEFAULT_CAMPAIGN_DIRECTORY}`);
    return EXIT.ok;
  }
  const tally = { errors: 0, warnings: 0, valid: 0 };
  const print = (errors: string[], warnings: string[], okLine: string) => {
    errors.forEach((error) => output.err(error));
    warnings.forEach((warning) => output.err(`warning: ${warning}`));
    if (errors.length === 0) {
      output.out(`OK ${okLine}`);
      tally.valid++;
    }
    tally.errors += errors.length;
    tally.warnings += warnings.length;
  };
  for (const report of readCampaignFiles(files)) {
    const contacts = report.campaign ? checkContactList(report) : undefined;
    const suppressed = checkSuppression(report, contacts?.list?.tasks ?? (report.inputs.tasks as CampaignTask[] | undefined));
    print(
      [...report.errors, ...(contacts?.errors ?? []), ...suppressed.errors],
      [...report.warnings, ...(contacts?.list?.warnings ?? [])],
      `${report.displayName}: ${summary(report, contacts?.list, suppressed.text)}`,
    );
  }
  for (const file of lists) {
    const { list, errors } = readListAlone(file);
    print(errors, list?.warnings ?? [], `${displayPath(file)}: ${list ? listSummary(list) : ""}`);
  }
  const checked = [plural(files.length, "campaign file"), plural(lists.length, "contact list")].filter((text) => !text.startsWith("0 "));
  output.out(
    `${checked.join(" and ")}: ${tally.valid} OK, ${files.length + lists.length - tally.valid} with errors; ` +
      `${plural(tally.errors, "error")}, ${plural(tally.warnings, "warning")}`,
  );
  return tally.errors > 0 ? EXIT.invalid : EXIT.ok;
}

/** What one command-line path names: the campaign files of a directory, one campaign file, or one contact list. */
function classify(target: string): { campaignFiles: string[]; contactList?: string } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    throw new UsageError(`${target}: no such file or directory`);
  }
  if (stat.isDirectory()) return { campaignFiles: campaignFilesIn(target) };
  return isContactListFile(target) ? { campaignFiles: [], contactList: target } : { campaignFiles: [target] };
}

function readListAlone(file: string): { list?: ContactList; errors: string[] } {
  try {
    return { list: readContactList(file), errors: [] };
  } catch (error) {
    if (!(error instanceof ContactListError)) throw error;
    return { errors: error.problems };
  }
}

/** `120 tasks (UTF-8)`; never a number. */
function listSummary(list: ContactList): string {
  return `${plural(list.tasks.length, "task")} (${list.encoding.toUpperCase()})`;
}

function checkContactList(report: CampaignFileReport): { list?: ContactList; errors: string[] } {
  const file = report.campaign?.args.tasksFile;
  if (file === undefined) return { errors: [] };
  try {
    return { list: readTasksFile(file as TasksFileSpec), errors: [] };
  } catch (error) {
    if (!(error instanceof ContactListError)) throw error;
    // Name the campaign file too: the same list may serve several campaigns.
    return { errors: error.problems.map((problem) => `${problem} (tasksFile of ${report.displayName})`) };
  }
}

/**
 * The campaign's suppression lists applied to its tasks as check applies them: errors name the list's file and
 * line; the text says how many tasks each list removed (`, 3 suppressed (dnc.csv 3)`), never which.
 */
function checkSuppression(report: CampaignFileReport, tasks: CampaignTask[] | undefined): { text?: string; errors: string[] } {
  const specs = report.campaign?.args.suppressionLists;
  if (specs === undefined || tasks === undefined) return { errors: [] };
  const failures: { property: string; reason: string }[] = [];
  const suppression = loadSuppression(specs, failures);
  const kept = suppression?.filter(tasks);
  const inputs: { taskCount?: number; suppression?: SuppressionSummary[] } = { taskCount: kept?.length };
  suppression?.record(inputs, failures, undefined);
  const errors = failures.map((failure) => `${failure.reason} (${report.displayName})`);
  if (!inputs.suppression || kept === undefined) return { errors };
  return { errors, text: `, ${tasks.length - kept.length} suppressed (${describeRemovals(inputs.suppression)})` };
}

/** `renewal ("Renewal reminder"): 3 tasks, 1 suppressed (dnc.csv 1), Mon–Fri 09:00–12:00 (Asia/Seoul)`; never a number. */
function summary(report: CampaignFileReport, list: ContactList | undefined, suppressed = ""): string {
  const { inputs, resourceName } = report;
  const name = inputs.name === resourceName ? resourceName : `${resourceName} ("${inputs.name}")`;
  const tasks = list
    ? `${plural(list.tasks.length, "task")} from ${displayPath(tasksFilePath(inputs.tasksFile as TasksFileSpec))} (${list.encoding.toUpperCase()})`
    : plural(Number(inputs.taskCount), "task");
  return `${name}: ${tasks}${suppressed}, ${describeCallTimeWindow(inputs.callTimeWindow as CampaignCallTimeWindow | undefined)}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
