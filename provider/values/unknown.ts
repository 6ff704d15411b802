/**
 * The value Pulumi puts in place of inputs that are not known yet during a preview (an output of a
 * resource that is still to be created). It can appear at any depth of the inputs.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * True when `value` is, or contains at any depth, a preview-time unknown. Iterative: it runs on inputs
 * before they are checked, which may nest deeper than the call stack reaches.
 */
export function containsUnknown(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === UNKNOWN) return true;
    if (next !== null && typeof next === "object") for (const child of Object.values(next)) pending.push(child);
  }
  return false;
}
