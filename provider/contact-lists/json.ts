import type { CampaignTask } from "../campaign/args";
import { formatPath, taskSchema } from "../campaign/schema";
import { displayPath } from "../files/display-path";
import { lazyLineFinder, parseDocument } from "../files/document";
import { TextEncoding, readText } from "../files/text";
import type { ContactList } from "./contact-list";
import { ContactListError } from "./errors";
import { duplicateWarnings, listSizeProblems } from "./list-checks";

/** How {@link tasksFromJson} reads a file. */
export interface JsonContactOptions {
  /** Default `auto`, as for CSV; JSON is normally UTF-8. */
  encoding?: TextEncoding;
}

/**
 * Reads a JSON contact list: an array of tasks in the shape of the `tasks` input
 * (`[{"callTo": "010-1234-5678", "dynamicVariables": {"customerName": "김민수"}}]`), validated and
 * normalized like inline tasks. Repeated numbers are warnings.
 *
 * @throws ContactListError with every problem found, each naming `file:line` and the field path.
 */
export function tasksFromJson(file: string, options: JsonContactOptions = {}): ContactList {
  const name = displayPath(file);
  const read = readText(file, options.encoding ?? "auto");
  if (!read.ok) throw new ContactListError(name, [`${name}: ${read.reason}`]);

  // JSON.parse is fast on a 10,000-entry list; the slower position-keeping parse runs only to place messages.
  const lineOf = lazyLineFinder(read.text);
  const at = (path: PropertyKey[]) => `${name}:${lineOf(path)}: ${formatPath(path)}`;
  let value: unknown;
  try {
    value = JSON.parse(read.text);
  } catch {
    throw new ContactListError(name, syntaxProblems(read.text, name));
  }
  if (!Array.isArray(value)) {
    throw new ContactListError(name, [`${name}:1: must be a JSON array of tasks ([{"callTo": "…"}, …])`]);
  }

  const problems: string[] = [];
  const tasks: CampaignTask[] = [];
  const indexes: number[] = [];
  value.forEach((item, index) => {
    const parsed = taskSchema.safeParse(item);
    if (parsed.success) {
      tasks.push(parsed.data);
      indexes.push(index);
      return;
    }
    for (const issue of parsed.error.issues) {
      const path = [index, ...issue.path];
      problems.push(`${at(path)}: ${issue.message}`);
    }
  });
  problems.push(...listSizeProblems(name, value));
  if (problems.length > 0) throw new ContactListError(name, problems);

  const warnings = duplicateWarnings(tasks, {
    at: (i) => at([indexes[i], "callTo"]),
    name: (i) => `entry ${formatPath([indexes[i]])}`,
  });
  return { tasks, warnings, encoding: read.encoding };
}

function syntaxProblems(text: string, name: string): string[] {
  const parsed = parseDocument(text);
  if (!parsed.ok) return parsed.problems.map((problem) => `${name}:${problem.line}: ${problem.reason}`);
  // YAML accepts some things JSON does not (trailing commas, single quotes, comments).
  return [`${name}: is not valid JSON; look for a trailing comma, single quotes or a comment`];
}
