import { validationError } from "../errors";
import { readString } from "./fields";

/** Date, time and an explicit offset: a time without a zone would be ambiguous. */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):?(\d{2}))$/;

/**
 * Reads an ISO-8601 timestamp with a zone (`2025-03-01T09:00:00+09:00`, `…Z`) into unix ms.
 * Strict where Date.parse is lenient: February 30th or 24:00 are rejected, not rolled over.
 */
export function readIsoTimestamp(value: unknown, field: string): number {
  const text = readString(value, field);
  const match = ISO_8601.exec(text);
  const invalid = () => validationError(field, "must be an ISO-8601 timestamp with a zone, e.g. 2025-03-01T09:00:00+09:00");
  if (match === null) throw invalid();
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const fractionMs = Math.floor(Number(`0.${match[7] ?? "0"}`) * 1000);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  const fieldsRoundTrip =
    check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day && check.getUTCHours() === hour;
  if (!fieldsRoundTrip || minute > 59 || second > 59) throw invalid();
  const offsetMinutes = match[8] === "Z" ? 0 : (match[9] === "-" ? -1 : 1) * (Number(match[10]) * 60 + Number(match[11]));
  return asUtc + fractionMs - offsetMinutes * 60_000;
}
