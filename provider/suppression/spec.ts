import * as path from "path";
import type { SuppressionListArgs } from "../campaign/args";

/** A `suppressionLists` entry as the schema takes it: a path, or a path with how to read it. */
export type SuppressionListSpec = string | SuppressionListArgs;

/** The path of a list in either form. */
export function suppressionListPath(spec: SuppressionListSpec): string {
  return typeof spec === "string" ? spec : spec.path;
}

/** The same list with its path made absolute against `directory` (the program's, as for `tasksFile`). */
export function absoluteSuppressionList(spec: SuppressionListSpec, directory: string): SuppressionListSpec {
  if (typeof spec === "string") return path.resolve(directory, spec);
  // Anything else is left for check to name.
  return typeof spec?.path === "string" ? { ...spec, path: path.resolve(directory, spec.path) } : spec;
}
