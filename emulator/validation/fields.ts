import { validationError } from "../errors";

/**
 * Small readers for JSON input that throw 400 VALIDATION_ERROR naming the wire path of the bad value
 * (`tasks[3].call_to`). Absent (`undefined`) and `null` are different: only fields the contract types
 * "or null" accept null.
 */

/** The wire path of `key` inside the object at `parent` ('' for the body itself). */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === "number") return `${parent}[${key}]`;
  return parent === "" ? key : `${parent}.${key}`;
}

/** How the whole request body is named when it is what is wrong. */
export const BODY_FIELD = "body";

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function readObject(value: unknown, field: string): Record<string, unknown> {
  if (!isPlainObject(value)) throw validationError(field || BODY_FIELD, "must be a JSON object");
  return value;
}

/** Rejects the first key that is not one of `allowed`, listing the allowed ones. */
export function rejectUnknownFields(object: Record<string, unknown>, allowed: readonly string[], field: string): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) throw validationError(childPath(field, key), "is not a known field", allowed);
  }
}

export function readRequired(object: Record<string, unknown>, key: string, field: string): unknown {
  const value = object[key];
  if (value === undefined) throw validationError(childPath(field, key), "is required");
  return value;
}

export function readString(value: unknown, field: string): string {
  if (typeof value !== "string") throw validationError(field, "must be a string");
  return value;
}

export function readBoolean(value: unknown, field: string): boolean {
  if (typeof value !== "boolean") throw validationError(field, "must be true or false");
  return value;
}

export function readArray(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw validationError(field, "must be an array");
  return value;
}

/** An integer in [min, max]. */
export function readInteger(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw validationError(field, `must be an integer from ${min} to ${max}`);
  }
  return value;
}

/** One of a fixed set of strings, listed in the error. */
export function readEnum<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw validationError(field, `must be one of ${allowed.join(", ")}`, allowed);
  }
  return value as T;
}

/** A campaign name: 1–255 characters (code points), not only whitespace. */
export function readCampaignName(value: unknown, field: string): string {
  const name = readString(value, field);
  const length = [...name].length;
  if (length < 1 || length > 255) throw validationError(field, "must be 1 to 255 characters long");
  if (name.trim() === "") throw validationError(field, "must not be only whitespace");
  return name;
}

/** For endpoints that take no body: accepts none or `{}`, and names the first field of anything else. */
export function readEmptyBody(body: unknown): void {
  if (body !== undefined) rejectUnknownFields(readObject(body, ""), [], "");
}
