import * as path from "path";

/**
 * How a file is named in messages: relative to the working directory when it lies below it (the
 * Pulumi program's directory, in the provider), so errors read `contacts/vip.csv:14` rather than a
 * long absolute path; absolute otherwise, so it still points at the right file.
 */
export function displayPath(file: string): string {
  const absolute = path.resolve(file);
  const relative = path.relative(process.cwd(), absolute);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return absolute;
  return relative.split(path.sep).join("/");
}
