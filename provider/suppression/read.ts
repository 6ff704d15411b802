import * as fs from "fs";
import * as path from "path";
import { CsvError, parse } from "csv-parse/sync";
import type { SizeLimit } from "../files/bounded-read";
import { displayPath } from "../files/display-path";
import { outsideRootReason, projectRoot } from "../files/project-root";
import { readText } from "../files/text";
import { normalizeKoreanNumber } from "../values/phone";
import { SuppressionListError } from "./errors";
import { SuppressionList, numberKey } from "./list";
import type { SuppressionFormat, SuppressionListArgs } from "../campaign/args";
import type { SuppressionListSpec } from "./spec";

/**
 * The largest suppression list read. A list is only numbers (some 13 bytes a row), so 64 MiB holds
 * millions of them; the limit bounds the time and memory a wrong file (an export of everything) costs.
 */
export const SUPPRESSION_LIST_LIMIT: SizeLimit = {
  bytes: 64 * 1024 * 1024,
  noun: "a suppression list",
  advice: "keep only the number column, or use a hashed list (.sha256: 65 bytes a number)",
};

const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

/**
 * Reads a suppression list a declaration names, which must lie inside the project folder (as `tasksFile`).
 *
 * @throws SuppressionListError with every problem found, each naming `file:line` (and the column).
 */
export function readSuppressionList(spec: SuppressionListSpec): SuppressionList {
  const options: SuppressionListArgs = typeof spec === "string" ? { path: spec } : spec;
  const label = displayPath(options.path);
  const outside = outsideRootReason(options.path, projectRoot());
  if (outside !== undefined) throw new SuppressionListError(label, [`${label}: ${outside}`]);
  const format = formatOf(options, label);
  const read = readText(options.path, options.encoding ?? "auto", SUPPRESSION_LIST_LIMIT);
  if (!read.ok) throw new SuppressionListError(label, [`${label}: ${read.reason}`]);
  const entries = format === "csv" ? csvNumbers(read.text, options, label) : hashedEntries(read.text, label);
  return new SuppressionList(options.path, label, format, entries);
}

/** Lists read by this process, by path and options, with the file's identity when it was read. */
const readLists = new Map<string, { identity: string; list: SuppressionList }>();

/**
 * {@link readSuppressionList}, once per process for a file that has not changed since (same inode, size
 * and modification time): a stack's campaigns often share one register, which check would otherwise read
 * and digest once per campaign. Create reads the lists afresh (see reloadSuppression).
 */
export function readSuppressionListOnce(spec: SuppressionListSpec): SuppressionList {
  const file = typeof spec === "string" ? spec : spec.path;
  const identity = fileIdentity(file);
  const key = JSON.stringify(spec);
  const known = readLists.get(key);
  if (identity !== undefined && known?.identity === identity) return known.list;
  const list = readSuppressionList(spec);
  if (identity !== undefined) readLists.set(key, { identity, list });
  return list;
}

function fileIdentity(file: string): string | undefined {
  try {
    const stat = fs.statSync(file, { bigint: true });
    return stat.isFile() ? `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}` : undefined;
  } catch {
    return undefined;
  }
}

function formatOf(options: SuppressionListArgs, label: string): SuppressionFormat {
  if (options.format !== undefined) return options.format;
  const extension = path.extname(options.path).toLowerCase();
  if (extension === ".csv") return "csv";
  if (extension === ".sha256") return "sha256";
  throw new SuppressionListError(label, [
    `${label}: a suppression list must be a .csv file of numbers or a .sha256 hashed list (or give \`format\`)`,
  ]);
}

/**
 * A hashed list: one SHA-256 (64 hex digits) of a normalized number per line; blank lines and lines
 * starting with `#` are skipped. A line that is anything else is an error naming its line only: it may be
 * a number pasted in clear, which a message must not repeat.
 */
function hashedEntries(text: string, label: string): Set<string> {
  const entries = new Set<string>();
  const problems: string[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "" || line.startsWith("#")) continue;
    if (line.length === 64 && SHA256_HEX.test(line)) entries.add(line.toLowerCase());
    else problems.push(`${label}:${i + 1}: is not a SHA-256 of a number (64 hex digits); a hashed list holds nothing else`);
  }
  if (problems.length > 0) throw new SuppressionListError(label, problems);
  if (entries.size === 0) throw new SuppressionListError(label, [`${label}: holds no entry`]);
  return entries;
}

/**
 * A CSV list: a header row, and a number in the phone column of every other row (other columns are
 * ignored); numbers are normalized as tasks' are. A row whose number is missing or invalid is an error:
 * an opt-out that cannot be read must not be skipped.
 */
function csvNumbers(text: string, options: SuppressionListArgs, label: string): Set<number> {
  const columnName = options.phoneColumn ?? "phone";
  const wanted = columnName.trim().toLowerCase();
  const numbers = new Set<number>();
  const problems: string[] = [];
  let column = -1;
  let headerLine = 0;
  forEachRecord(text, options.delimiter ?? ",", label, (record, line) => {
    if (!record.some((cell) => cell.trim() !== "")) return;
    if (headerLine === 0) {
      headerLine = line;
      column = record.findIndex((name) => name.trim().toLowerCase() === wanted);
      return;
    }
    if (column < 0) return;
    const cell = (record[column] ?? "").trim();
    const normalized = cell === "" ? undefined : normalizeKoreanNumber(cell);
    if (normalized?.ok) numbers.add(numberKey(normalized.digits));
    else
      problems.push(
        `${label}:${line} column ${columnName}: ${normalized ? normalized.reason : "is empty; every row of a suppression list needs a number"}`,
      );
  });
  if (headerLine === 0) throw new SuppressionListError(label, [`${label}: is empty; the first row must name the columns`]);
  if (column < 0) {
    throw new SuppressionListError(label, [
      `${label}:${headerLine}: has no column "${columnName}"; name the numbers' column so, or set phoneColumn`,
    ]);
  }
  if (problems.length > 0) throw new SuppressionListError(label, problems);
  if (numbers.size === 0) throw new SuppressionListError(label, [`${label}: holds no number below its header`]);
  return numbers;
}

/**
 * Calls `each` with every record and the line it starts on. A text without a quote has nothing for a CSV
 * parser to do but split lines and cells, which is done here directly: csv-parse takes about a second
 * for a list of 100,000 numbers, the whole budget of a check (bench/suppression-rows.ts).
 */
function forEachRecord(text: string, delimiter: string, label: string, each: (record: string[], line: number) => void): void {
  if (!text.includes('"')) {
    const lines = text.split("\n");
    for (let i = 0; i < lines.length; i++) each(lines[i].replace(/\r$/, "").split(delimiter), i + 1);
    return;
  }
  try {
    parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[], context) => {
        // csv-parse reports the line a record ends on; a quoted cell may span lines.
        each(record, context.lines - record.join("").split("\n").length + 1);
        return null;
      },
    });
  } catch (error) {
    // csv-parse's own messages quote the offending value, which may be a number: its code only.
    if (error instanceof CsvError)
      throw new SuppressionListError(label, [`${label}:${error.lines ?? 1}: the CSV cannot be read here (${error.code})`]);
    throw error;
  }
}
