import * as fs from "fs";
import * as path from "path";
import { displayPath } from "../files/display-path";
import { projectRoot } from "../files/project-root";
import { Clock, systemClock } from "../clock";
import { CAMPAIGN_FILE_EXTENSIONS, CampaignFile, CampaignFileReport, readCampaignFile } from "./campaign-file";

/** Campaign files that cannot be declared. `problems` holds every error, each naming its file and line. */
export class CampaignFilesError extends Error {
  override name = "CampaignFilesError";
  constructor(readonly problems: string[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? "" : "s"} in the campaign files:\n${problems.map((p) => `  ${p}`).join("\n")}`,
    );
  }
}

/**
 * The campaign files directly in `directory` (`*.yaml`, `*.yml`, `*.json`; not in subfolders, so
 * contact lists may live in one), sorted by name. Every entry so named counts, whatever it is: a link is
 * followed when read, and a FIFO or a folder named `x.yaml` is refused when read. Skipping one would
 * drop its campaign from the program, and `pulumi up` would cancel it.
 *
 * @throws Error when the directory cannot be read: a mistyped path must not read as "no campaigns",
 * which would cancel every campaign.
 */
export function campaignFilesIn(directory: string): string[] {
  return fs
    .readdirSync(directory)
    .filter((name) => CAMPAIGN_FILE_EXTENSIONS.includes(path.extname(name).toLowerCase()))
    .map((name) => path.join(directory, name))
    .sort();
}

/**
 * Reads and validates each file, which with its contact list must lie inside the project of its folder (see
 * projectRoot); two files with the same resource name (`a.yaml`, `a.json`) are an error in both. Time
 * (a start that has passed) is judged at `clock`'s.
 */
export function readCampaignFiles(files: string[], clock: Clock): CampaignFileReport[] {
  const reports = files.map((file) => readCampaignFile(file, projectRoot(path.dirname(file)), clock));
  for (const report of reports) {
    const others = reports.filter((other) => other !== report && other.resourceName === report.resourceName);
    if (others.length > 0) {
      report.errors.push(
        `${report.displayName}: the resource name "${report.resourceName}" is also taken by ` +
          `${others.map((other) => other.displayName).join(", ")}; rename one of the files`,
      );
      report.campaign = undefined;
    }
  }
  return reports;
}

/**
 * Reads every campaign file in `directory` and validates it with the resource's schema, for a
 * program that declares one `vox.Campaign` per file:
 *
 * ```ts
 * import * as vox from "pulumi-vox";
 * for (const file of vox.loadCampaignFiles(`${__dirname}/campaigns`)) {
 *   new vox.Campaign(file.resourceName, file.args);
 * }
 * ```
 *
 * Contact lists named by `tasksFile` are read by the provider when it checks the campaign. Campaign files
 * and contact lists must lie inside the Pulumi project's folder (the nearest above `directory` holding
 * Pulumi.yaml, else `directory` itself), links resolved.
 *
 * @throws CampaignFilesError listing every problem in every file; Error when the directory cannot be read.
 */
export function loadCampaignFiles(directory: string): CampaignFile[] {
  let files: string[];
  try {
    files = campaignFilesIn(directory);
  } catch (error) {
    throw new Error(`campaign directory ${displayPath(directory)} cannot be read: ${(error as Error).message}`, { cause: error });
  }
  // A program is where production starts on this side: its time is the machine's.
  const reports = readCampaignFiles(files, systemClock);
  const problems = reports.flatMap((report) => report.errors);
  if (problems.length > 0) throw new CampaignFilesError(problems);
  return reports.map((report) => report.campaign as CampaignFile);
}
