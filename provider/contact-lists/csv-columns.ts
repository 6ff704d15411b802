/** Which CSV columns mean what. Column names match without regard to letter case or surrounding spaces. */
export interface CsvColumnOptions {
  /** The column holding the number to call. Default `phone`. */
  phoneColumn?: string;
  /** The optional column holding a per-row caller id (`presentationNumber`). Default `caller_id`. */
  callerIdColumn?: string;
  /** Columns named `<prefix><key>` become `dynamicVariables[key]`. Default `var.`. */
  variablePrefix?: string;
  /** Columns named `<prefix><key>` become `metadata[key]`. Default `meta.`. */
  metadataPrefix?: string;
}

/** The defaults of {@link CsvColumnOptions}. */
export const DEFAULT_CSV_COLUMNS: Required<CsvColumnOptions> = {
  phoneColumn: "phone",
  callerIdColumn: "caller_id",
  variablePrefix: "var.",
  metadataPrefix: "meta.",
};

/** What one column feeds in a task. */
export type ColumnRole =
  { kind: "callTo" } | { kind: "presentationNumber" } | { kind: "dynamicVariables" | "metadata"; key: string } | { kind: "ignored" };

/** Something to say about the header: about one column, or (without `column`) about the header as a whole. */
export interface HeaderNote {
  column?: string;
  reason: string;
}

/** The header read: each column's role and name, and what is wrong with it. */
export interface CsvLayout {
  roles: ColumnRole[];
  names: string[];
  problems: HeaderNote[];
  warnings: HeaderNote[];
}

/** A cell with this many digits holds a value (a phone number, most likely), never a column name. */
const DATA_DIGITS = 7;

/**
 * Reads the header row into column roles; a missing phone column or a repeated column is a problem. A
 * first row that holds data (the file has no header row) is one problem that quotes none of its cells:
 * they are a person's number and name.
 */
export function layoutFromHeader(header: string[], options: CsvColumnOptions): CsvLayout {
  const columns = { ...DEFAULT_CSV_COLUMNS, ...options };
  if (header.some((cell) => (cell.match(/\d/g)?.length ?? 0) >= DATA_DIGITS)) {
    const reason =
      `the first row looks like data, not column names (a cell holds ${DATA_DIGITS} or more digits): ` +
      `add a header row naming the columns (${describeColumns(columns)})`;
    return { roles: [], names: [], problems: [{ reason }], warnings: [] };
  }
  const names = header.map((name) => name.trim());
  const problems: HeaderNote[] = [];
  const warnings: HeaderNote[] = [];
  const roles = names.map((name): ColumnRole => {
    const role = roleOf(name, columns);
    if (role.kind === "ignored") {
      warnings.push({ column: name || "(unnamed)", reason: `is not ${describeColumns(columns)}; its values are not sent` });
    } else if ((role.kind === "dynamicVariables" || role.kind === "metadata") && role.key === "") {
      problems.push({ column: name, reason: "names no key after its prefix" });
    }
    return role;
  });
  names.forEach((name, i) => {
    if (name !== "" && names.findIndex((other) => same(other, name)) !== i) {
      problems.push({ column: name, reason: "appears more than once in the header; name each column once" });
    }
  });
  if (!roles.some((role) => role.kind === "callTo")) {
    problems.push({
      reason:
        `the header has no "${columns.phoneColumn}" column (it has ${names.join(", ") || "no names"}); ` +
        "name the phone number column so, or set phoneColumn",
    });
  }
  return { roles, names, problems, warnings };
}

function roleOf(name: string, columns: Required<CsvColumnOptions>): ColumnRole {
  if (same(name, columns.phoneColumn)) return { kind: "callTo" };
  if (same(name, columns.callerIdColumn)) return { kind: "presentationNumber" };
  if (hasPrefix(name, columns.variablePrefix)) return { kind: "dynamicVariables", key: name.slice(columns.variablePrefix.length) };
  if (hasPrefix(name, columns.metadataPrefix)) return { kind: "metadata", key: name.slice(columns.metadataPrefix.length) };
  return { kind: "ignored" };
}

function describeColumns(columns: Required<CsvColumnOptions>): string {
  return `${columns.phoneColumn}, ${columns.callerIdColumn}, ${columns.variablePrefix}* or ${columns.metadataPrefix}*`;
}

function same(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function hasPrefix(name: string, prefix: string): boolean {
  return name.toLowerCase().startsWith(prefix.toLowerCase());
}
