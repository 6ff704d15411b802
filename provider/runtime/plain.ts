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
