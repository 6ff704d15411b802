import { CsvError, parse } from "csv-parse/sync";
import type { CampaignTask } from "../campaign/args";
import { LIMITS, taskSchema } from "../campaign/schema";
import { displayPath } from "../files/display-path";
import { TextEncoding, readText } from "../files/text";
import type { ContactList } from "./contact-list";
import { CsvColumnOptions, CsvLayout, layoutFromHeader } from "./csv-columns";
import { ContactListError } from "./errors";
import { CONTACT_LIST_LIMIT, duplicateWarnings, listSizeProblems } from "./list-checks";

/** How {@link tasksFromCsv} reads a file. */
export interface CsvContactOptions extends CsvColumnOptions {
  /** Default `auto`: UTF-8 (with or without BOM) when the bytes are valid UTF-8, else CP949. */
  encoding?: TextEncoding;
  /** The field separator. Default `,`. */
  delimiter?: string;
}

interface Row {
  cells: string[];
  /** 1-based line the row starts on. */
  line: number;
}

/**
 * Reads a CSV contact list into tasks: one row per call, with a header row naming the columns
 * (`phone`, optional `caller_id`, `var.<name>` for the agent's variables, `meta.<name>` for metadata).
 * Numbers are validated and normalized as in inline `tasks`; empty cells are left out; rows with no
 * value at all are skipped. Repeated numbers are warnings.
 *
 * @throws ContactListError with every problem found, each naming `file:line` and the column.
 */
export function tasksFromCsv(file: string, options: CsvContactOptions = {}): ContactList {
  const name = displayPath(file);
  const read = readText(file, options.encoding ?? "auto", CONTACT_LIST_LIMIT);
  if (!read.ok) throw new ContactListError(name, [`${name}: ${read.reason}`]);

  const { rows, complete } = parseRows(read.text, options.delimiter ?? ",", name);
  const [header, ...body] = rows;
  if (!header) throw new ContactListError(name, [`${name}: is empty; the first row must name the columns`]);
  if (!complete) throw new ContactListError(name, listSizeProblems(name, body));
  const layout = layoutFromHeader(header.cells, options);
  const at = (line: number, column?: string) => `${name}:${line}${column === undefined ? "" : ` column ${column}`}`;
  if (layout.problems.length > 0) {
    throw new ContactListError(
      name,
      layout.problems.map((note) => `${at(header.line, note.column)}: ${note.reason}`),
    );
  }

  const problems: string[] = [];
  const tasks: CampaignTask[] = [];
  const lines: number[] = [];
  for (const row of body) {
    const task = taskFromRow(row, layout, (column) => at(row.line, column), problems);
    if (task) {
      tasks.push(task);
      lines.push(row.line);
    }
  }
  problems.push(...listSizeProblems(name, body));
  if (problems.length > 0) throw new ContactListError(name, problems);

  const phoneColumn = columnOf(["callTo"], layout);
  const warnings = [
    ...layout.warnings.map((note) => `${at(header.line, note.column)}: ${note.reason}`),
    ...duplicateWarnings(tasks, { at: (i) => at(lines[i], phoneColumn), name: (i) => `line ${lines[i]}` }),
  ];
  return { tasks, warnings, encoding: read.encoding };
}

/** Thrown from csv-parse's record hook to stop reading at the first row past the most a campaign takes. */
class TooManyRows extends Error {}

/**
 * The non-blank rows with their line numbers, up to the header and one row more than a campaign takes
 * (`complete` false: the rest is not read, so a list of a million rows costs no more than the limit). A row
 * that cannot be split (a stray quote) is fatal.
 */
function parseRows(text: string, delimiter: string, name: string): { rows: Row[]; complete: boolean } {
  const rows: Row[] = [];
  try {
    parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record, context) => {
        if (record.some((cell) => cell.trim() !== "")) {
          // csv-parse reports the line a record ends on; a quoted cell may span lines.
          rows.push({ cells: record, line: context.lines - record.join("").split("\n").length + 1 });
          if (rows.length > LIMITS.tasksMax + 1) throw new TooManyRows();
        }
        // Kept in `rows`, so csv-parse need not keep them too.
        return null;
      },
    });
  } catch (error) {
    if (error instanceof TooManyRows) return { rows, complete: false };
    if (error instanceof CsvError) throw new ContactListError(name, [`${name}:${error.lines ?? 1}: ${describeCsvError(error)}`]);
    throw error;
  }
  return { rows, complete: true };
}

/** csv-parse's own messages quote the offending value, which may be a phone number: say it in our words. */
function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quoted value is never closed; check the quotes on this line and the ones before it";
    case "INVALID_OPENING_QUOTE":
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return 'a quote (") stands inside an unquoted value or after a closing quote; double it ("") or quote the whole value';
    default:
      return `the CSV cannot be read here (${error.code})`;
  }
}

/** `at(column)` names the row's place in messages: `contacts.csv:14 column phone`. */
function taskFromRow(row: Row, layout: CsvLayout, at: (column?: string) => string, problems: string[]): CampaignTask | undefined {
  const extra = row.cells.slice(layout.names.length).filter((cell) => cell.trim() !== "");
  if (extra.length > 0) {
    problems.push(
      `${at()}: has ${extra.length} value(s) after the last of the ${layout.names.length} named columns; name their columns or remove them`,
    );
    return undefined;
  }
  const task: Record<string, unknown> = {};
  layout.roles.forEach((role, i) => {
    const value = (row.cells[i] ?? "").trim();
    if (role.kind === "callTo") task.callTo = value;
    // A blank cell means "no value" in a spreadsheet, not an empty string to send.
    else if (value === "" || role.kind === "ignored") return;
    else if (role.kind === "presentationNumber") task.presentationNumber = value;
    else ((task[role.kind] ??= {}) as Record<string, string>)[role.key] = value;
  });
  if (task.callTo === "") {
    problems.push(`${at(columnOf(["callTo"], layout))}: is empty; every row needs a number to call`);
    return undefined;
  }
  const parsed = taskSchema.safeParse(task);
  if (parsed.success) return parsed.data;
  problems.push(...parsed.error.issues.map((issue) => `${at(columnOf(issue.path, layout))}: ${issue.message}`));
  return undefined;
}

/** The column a task field came from: `["dynamicVariables", "name"]` → `var.name`. */
function columnOf(path: ReadonlyArray<PropertyKey>, layout: CsvLayout): string {
  const index = layout.roles.findIndex((role) => role.kind === path[0] && (!("key" in role) || role.key === path[1]));
  return layout.names[index] ?? String(path[0]);
}
