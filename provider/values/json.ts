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

/**
 * Makes a value safe for the engine's protobuf Struct: object keys holding `undefined` are dropped,
 * `undefined` in arrays becomes null, and anything that is not JSON (BigInt, Buffer, functions, Dates)
 * throws here, before the engine would fail with "Unexpected struct type" after the campaign exists.
 */
export function toPlainJson<T>(value: T, path = "result"): T {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`${path} is ${value}, which JSON cannot hold`);
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item, i) => (item === undefined ? null : toPlainJson(item, `${path}[${i}]`))) as T;
  }
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, toPlainJson(v, `${path}.${k}`)]);
    return Object.fromEntries(entries) as T;
  }
  throw new TypeError(`${path} is a ${typeof value === "object" ? (value as object).constructor?.name : typeof value}, not plain JSON`);
}
