/**
 * JSON with object keys sorted at every depth, so equal content always gives equal text. Written as
 * loops over sorted keys rather than entries/filter/map: it digests every task of a list (state keeps the
 * digests, so the text it gives must never change).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = "[";
    for (let i = 0; i < value.length; i++) text += (i > 0 ? "," : "") + (canonicalJson(value[i]) ?? "");
    return text + "]";
  }
  const record = value as Record<string, unknown>;
  let text = "{";
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined) continue;
    text += (text.length > 1 ? "," : "") + JSON.stringify(key) + ":" + canonicalJson(item);
  }
  return text + "}";
}

/** Equal as JSON, whatever the key order; absent and null are equal. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

/**
 * Makes a value safe for the engine's protobuf Struct: object keys holding `undefined` are dropped,
 * `undefined` in arrays becomes null, and anything that is not JSON (BigInt, Buffer, functions, Dates)
 * throws here, before the engine would fail with "Unexpected struct type" after the campaign exists.
 */
export function toPlainJson<T>(value: T, path = "result"): T {
  return plainJson(value, () => path) as T;
}

/** The path is built only when a value fails: building it for every value was a tenth of a large check. */
function plainJson(value: unknown, path: () => string): unknown {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`${path()} is ${value}, which JSON cannot hold`);
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item, i) => (item === undefined ? null : plainJson(item, () => `${path()}[${i}]`)));
  }
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const plain: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item !== undefined) plain[key] = plainJson(item, () => `${path()}.${key}`);
    }
    return plain;
  }
  throw new TypeError(`${path()} is a ${typeof value === "object" ? (value as object).constructor?.name : typeof value}, not plain JSON`);
}
