import { createHash } from "crypto";

/** JSON with object keys sorted at every depth, so equal content always gives equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Equal as JSON, whatever the key order; absent and null are equal. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

/**
 * `sha256:<hex>` of the normalized task list: what state shows in place of the (secret) tasks, so a
 * preview can tell that the list changed without revealing it.
 */
export function tasksDigest(tasks: unknown[]): string {
  return "sha256:" + createHash("sha256").update(canonicalJson(tasks)).digest("hex");
}
