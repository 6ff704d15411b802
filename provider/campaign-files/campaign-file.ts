import * as path from "path";
import { duplicateWarnings } from "../contact-lists/list-checks";
import { TasksFileSpec, absoluteTasksFile } from "../contact-lists/tasks-file";
import { absoluteSuppressionList } from "../suppression/spec";
import type { CampaignArgs, CampaignCallTimeWindow, CampaignTask } from "../campaign/args";
import { DERIVED_INPUTS } from "../campaign/fields";
import { formatPath, parsePropertyPath } from "../campaign/schema";
import { validateCampaignRequest } from "../api/request-size";
import { displayPath } from "../files/display-path";
import { parseDocument } from "../files/document";
import type { SizeLimit } from "../files/bounded-read";
import { outsideRootReason } from "../files/project-root";
import { readText } from "../files/text";
import { nightWarning, nightWindows } from "../values/call-windows";

/** The extensions a campaign file may have. */
export const CAMPAIGN_FILE_EXTENSIONS = [".yaml", ".yml", ".json"];

/** A campaign file, ready to declare: `new vox.Campaign(file.resourceName, file.args)`. */
export interface CampaignFile {
  /** The file name without its extension: `campaigns/renewal.yaml` → `renewal`. Also the default campaign name. */
  resourceName: string;
  /** The file's path as given. */
  file: string;
  /** The file's inputs, `$schema` left out and `tasksFile` made absolute (it is read relative to the campaign file). */
  args: CampaignArgs;
}

/** Everything learned from one campaign file. Messages name the file and line; numbers in them are masked. */
export interface CampaignFileReport {
  /** The file as messages name it. */
  displayName: string;
  resourceName: string;
  /** Present when the file has no errors. */
  campaign?: CampaignFile;
  /** The normalized inputs as far as they could be validated (windows in minutes, numbers as digits). */
  inputs: Record<string, unknown>;
  errors: string[];
  warnings: string[];
}

/**
 * The largest campaign file read: ten thousand inline tasks with a few variables take about 1 MiB, and the
 * YAML parser needs some 100 times a file's size in memory; longer lists belong in a `tasksFile`.
 */
const CAMPAIGN_FILE_LIMIT: SizeLimit = {
  bytes: 2 * 1024 * 1024,
  noun: "a campaign file",
  advice: "put a long list of tasks in a contact list (tasksFile: a CSV or JSON file)",
};

/**
 * Reads and validates one campaign file (YAML or JSON) with the resource's own schema. A top-level
 * `$schema` key (for editors) is ignored. The file, with its links resolved, and the contact list its
 * `tasksFile` names must lie inside `root` (see projectRoot); the list itself is not read here.
 */
export function readCampaignFile(file: string, root: string): CampaignFileReport {
  const displayName = displayPath(file);
  const resourceName = path.basename(file, path.extname(file));
  const report: CampaignFileReport = { displayName, resourceName, inputs: {}, errors: [], warnings: [] };
  const at = (line: number) => `${displayName}:${line}`;

  const outside = outsideRootReason(file, root);
  if (outside !== undefined) return { ...report, errors: [`${displayName}: ${outside}`] };
  const read = readText(file, "utf-8", CAMPAIGN_FILE_LIMIT);
  if (!read.ok) return { ...report, errors: [`${displayName}: ${read.reason}`] };
  const parsed = parseDocument(read.text);
  if (!parsed.ok) return { ...report, errors: parsed.problems.map((problem) => `${at(problem.line)}: ${problem.reason}`) };
  const { document } = parsed;
  if (!isPlainObject(document.value)) {
    return { ...report, errors: [`${at(1)}: must be a mapping of campaign inputs (agentId, callFrom, tasks, …)`] };
  }

  const { $schema: _editorSchema, ...content } = document.value;
  const args = withAbsoluteTasksFile(content, path.dirname(file));
  const place: Place = (where) => `${at(document.lineOf(where))}: ${formatPath(where)}`;
  const errors = DERIVED_INPUTS.filter((key) => key in content).map(
    (key) => `${place([key])}: is worked out by the provider from the tasks; remove it`,
  );
  const listFile = declaredListPath(args.tasksFile);
  const listOutside = listFile === undefined ? undefined : outsideRootReason(listFile, root);
  if (listOutside !== undefined) errors.push(`${place(["tasksFile"])}: ${declaredListPath(content.tasksFile)} ${listOutside}`);
  // The file alone cannot tell whether its start time is new (then it must lie ahead) or the start of a
  // campaign that already exists (then it may have passed): judge no time here, and warn below.
  const { inputs, failures } = validateCampaignRequest({ name: resourceName, ...args }, { now: Number.NEGATIVE_INFINITY });
  errors.push(...failures.map((failure) => `${at(document.lineOf(parsePropertyPath(failure.property)))}: ${failure.reason}`));
  // Warnings look at normalized values, which a file with errors may not have.
  const warnings =
    errors.length > 0
      ? []
      : [...pastStartWarnings(inputs, place), ...nightWindowWarnings(inputs, place), ...inlineDuplicateWarnings(inputs, place)];

  return {
    ...report,
    inputs,
    errors,
    warnings,
    // The schema has just accepted these inputs.
    campaign: errors.length === 0 ? { resourceName, file, args: args as unknown as CampaignArgs } : undefined,
  };
}

/** `tasksFile` and `suppressionLists` made absolute against the campaign file's folder, in either form; malformed ones are left for the schema. */
function withAbsoluteTasksFile(content: Record<string, unknown>, directory: string): Record<string, unknown> {
  const withLists = Array.isArray(content.suppressionLists)
    ? {
        ...content,
        suppressionLists: content.suppressionLists.map((list) =>
          declaredListPath(list) === undefined ? list : absoluteSuppressionList(list, directory),
        ),
      }
    : content;
  const file = declaredListPath(content.tasksFile);
  if (file === undefined) return withLists;
  return { ...withLists, tasksFile: absoluteTasksFile(content.tasksFile as TasksFileSpec, directory) };
}

/** The path a `tasksFile` value names, when it names one. */
function declaredListPath(value: unknown): string | undefined {
  const file = isPlainObject(value) ? value.path : value;
  return typeof file === "string" && file !== "" ? file : undefined;
}

/** Where a value stands, for messages: `campaigns/renewal.yaml:12: tasks[3].callTo`. */
type Place = (where: PropertyKey[]) => string;

function pastStartWarnings(inputs: Record<string, unknown>, place: Place): string[] {
  const start = inputs.scheduledAt;
  if (typeof start !== "string" || Date.parse(start) > Date.now()) return [];
  return [
    `${place(["scheduledAt"])}: ${start} has passed; fine for a campaign that already ` +
      "exists, but a new campaign (or a replace) needs a future time or none",
  ];
}

function nightWindowWarnings(inputs: Record<string, unknown>, place: Place): string[] {
  const callTimeWindow = inputs.callTimeWindow as CampaignCallTimeWindow | undefined;
  if (!callTimeWindow) return [];
  return nightWindows(callTimeWindow).map(
    (window) =>
      `${place(["callTimeWindow", "windows", callTimeWindow.windows.indexOf(window)])}: ${nightWarning(window, callTimeWindow.timezone)}`,
  );
}

function inlineDuplicateWarnings(inputs: Record<string, unknown>, place: Place): string[] {
  const tasks = inputs.tasks as CampaignTask[] | undefined;
  if (!tasks) return [];
  return duplicateWarnings(tasks, {
    at: (i) => place(["tasks", i, "callTo"]),
    name: (i) => formatPath(["tasks", i]),
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
