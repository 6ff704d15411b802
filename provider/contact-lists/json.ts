import type { CampaignTask } from "../campaign/args";
import { LIMITS, formatPath, parsePropertyPath } from "../campaign/schema";
import { validateCampaignInputs } from "../campaign/validate";
import { displayPath } from "../files/display-path";
import { outlineJson } from "../files/json-text";
import { TextEncoding, readText } from "../files/text";
import type { ContactList } from "./contact-list";
import { ContactListError } from "./errors";
import { CONTACT_LIST_LIMIT, duplicateWarnings, listSizeProblems } from "./list-checks";

/** How {@link tasksFromJson} reads a file. */
export interface JsonContactOptions {
  /** Default `auto`, as for CSV; JSON is normally UTF-8. */
  encoding?: TextEncoding;
}

/**
 * Reads a JSON contact list: an array of tasks in the shape of the `tasks` input
 * (`[{"callTo": "010-1234-5678", "dynamicVariables": {"customerName": "김민수"}}]`), held to every rule
 * inline tasks are (the same validation runs on it: nesting depth, keys such as `__proto__`, fields), and
 * to one JSON.parse does not enforce: a key may not appear twice in an object. Repeated numbers are warnings.
 *
 * @throws ContactListError with every problem found, each naming `file:line` and the field path.
 */
export function tasksFromJson(file: string, options: JsonContactOptions = {}): ContactList {
  const name = displayPath(file);
  const read = readText(file, options.encoding ?? "auto", CONTACT_LIST_LIMIT);
  if (!read.ok) throw new ContactListError(name, [`${name}: ${read.reason}`]);

  let value: unknown;
  try {
    value = JSON.parse(read.text);
  } catch {
    // JSON.parse's message quotes the text, which may hold numbers: the outline places the error instead.
    const outline = outlineJson(read.text);
    throw new ContactListError(name, [outline.ok ? `${name}: is not valid JSON` : `${name}:${outline.line}: ${outline.reason}`]);
  }
  if (!Array.isArray(value)) {
    throw new ContactListError(name, [`${name}:1: must be a JSON array of tasks ([{"callTo": "…"}, …])`]);
  }
  // Before anything looks at the entries: a list far too long is refused in time that does not grow with it.
  if (value.length > LIMITS.tasksMax) throw new ContactListError(name, listSizeProblems(name, value));

  const outline = outlineJson(read.text);
  if (!outline.ok) throw new ContactListError(name, [`${name}:${outline.line}: ${outline.reason}`]);
  const at = (path: PropertyKey[]) => `${name}:${outline.lineOf(path)}: ${formatPath(path)}`;
  const problems = outline.repeatedKeys.map(
    ({ path, line }) =>
      `${name}:${line}: ${formatPath(path)}: appears twice in one object, and JSON keeps only the last; give each key once`,
  );
  const { inputs, failures } = validateCampaignInputs({ tasks: value }, { now: Number.NEGATIVE_INFINITY });
  for (const failure of failures) {
    const [field, ...path] = parsePropertyPath(failure.property);
    // The list is checked as the `tasks` input; the other inputs' failures (no agentId, …) do not concern it.
    if (field !== "tasks") continue;
    const reason = failure.reason.slice(failure.property.length + 2);
    problems.push(path.length === 0 ? `${name}: ${reason}` : `${at(path)}: ${reason}`);
  }
  if (problems.length > 0) throw new ContactListError(name, problems);

  const tasks = inputs.tasks as CampaignTask[];
  const warnings = duplicateWarnings(tasks, { at: (i) => at([i, "callTo"]), name: (i) => `entry ${formatPath([i])}` });
  return { tasks, warnings, encoding: read.encoding };
}
