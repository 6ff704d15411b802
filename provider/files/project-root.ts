import * as fs from "fs";
import * as path from "path";
import { displayPath } from "./display-path";

const PROJECT_FILES = ["Pulumi.yaml", "Pulumi.yml"];

/**
 * The folder that files named by a declaration (campaign files, `tasksFile`) must lie in: the nearest folder
 * at or above `start` that holds Pulumi.yaml (or Pulumi.yml), the Pulumi project; without one, `start`
 * itself. The provider starts from its working directory, which Pulumi sets to the project folder; campaign
 * files (in the program and in `pulumi-vox validate`) start from their own folder.
 */
export function projectRoot(start = process.cwd()): string {
  for (let folder = path.resolve(start); ; folder = path.dirname(folder)) {
    if (PROJECT_FILES.some((name) => fs.existsSync(path.join(folder, name)))) return folder;
    if (path.dirname(folder) === folder) return path.resolve(start);
  }
}

/**
 * Why `file` may not be read on behalf of a declaration, or undefined when it lies inside `root`, both as
 * written and with every symbolic link resolved. A campaign file is reviewed as text, so a path in it must
 * not reach past the project (`tasksFile: /etc/passwd`, or a link to it), where a file's first line could
 * end up in an error message of a pull request's check.
 */
export function outsideRootReason(file: string, root: string): string | undefined {
  const absolute = path.resolve(file);
  if (!isInside(absolute, path.resolve(root))) return outside(root, "");
  const real = realPathOf(absolute);
  if (real !== undefined && !isInside(real, realPathOf(root) ?? path.resolve(root))) return outside(root, ` (it links to ${real})`);
  return undefined;
}

function outside(root: string, link: string): string {
  return (
    `is outside the project folder ${displayPath(root)}${link}; contact lists and campaign files are read only ` +
    "inside the folder that holds Pulumi.yaml: move or copy the file into it"
  );
}

/** The path with every link resolved; undefined when it does not exist (reading it will then say so). */
function realPathOf(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === "" || (!relative.startsWith(`..${path.sep}`) && relative !== ".." && !path.isAbsolute(relative));
}
