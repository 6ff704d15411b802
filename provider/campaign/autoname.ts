import { createHash } from "crypto";

/**
 * Pulumi's autonaming convention for campaigns: a `vox.Campaign` declared without `name` is named after
 * the resource plus a short suffix that is the same on every run of this stack and resource. A campaign
 * with that name in vox.ai thus identifies its resource, which is what lets a create recognise the
 * campaign an interrupted earlier run (or a lost answer) made, and adopt it instead of dialling everyone
 * again. An explicit name identifies nothing: another resource or stack may use it too.
 */
const SUFFIX = /^(.+)-[0-9a-f]{6}$/;

/** `<resource name>-<first 6 hex of sha256("<project>/<stack>/<resource name>")>`. */
export function autoname(project: string, stack: string, resourceName: string): string {
  const suffix = createHash("sha256").update(`${project}/${stack}/${resourceName}`).digest("hex").slice(0, 6);
  return `${resourceName}-${suffix}`;
}

/**
 * Whether `name` has the autoname form. The provider never sees the project, stack or resource name, so
 * it cannot recompute the suffix; an explicit name of that form (`promo-1a2b3c`) is therefore taken as
 * this resource's too (the README asks not to give two resources such a name).
 */
export function isAutoname(name: string): boolean {
  return SUFFIX.test(name);
}

/**
 * The name check keeps: pulumi-vox 0.1.0 named a campaign without `name` after the resource alone. When
 * the old inputs hold that old default and the new inputs its autoname, the campaign keeps its name (an
 * upgrade must not rename running campaigns); any other name is taken as declared.
 */
export function keptName(oldName: unknown, newName: unknown): unknown {
  if (typeof oldName !== "string" || typeof newName !== "string") return newName;
  const match = SUFFIX.exec(newName);
  return match && match[1] === oldName ? oldName : newName;
}
