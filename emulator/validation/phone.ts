import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { validationError } from "../errors";
import { readString } from "./fields";

/**
 * Korean domestic numbers, validated the way the real API does it: with libphonenumber. The `max`
 * metadata is libphonenumber's full metadata (exact patterns per number type), so representative
 * numbers such as 15881508 are valid for the reason the real API accepts them (type UAN), while
 * numbers the default `min` metadata lets through on length alone (0501234567, 19001234) are not.
 */

const DIGITS_ONLY = /^[0-9]+$/;

/**
 * Reads a phone number field: digits only, a valid Korean number, written the domestic way (the
 * national format without its hyphens). The last rule rejects forms libphonenumber would repair, such as
 * `1012345678` (no leading 0) or `821012345678` (country code without +).
 */
export function readKoreanPhoneNumber(value: unknown, field: string): string {
  const input = readString(value, field);
  if (!DIGITS_ONLY.test(input)) throw validationError(field, "must contain digits only (no hyphens, spaces or +82)");
  // Longer inputs cannot be Korean numbers; checking first keeps the parser away from huge strings.
  const parsed = input.length <= 16 ? parsePhoneNumberFromString(input, "KR") : undefined;
  const valid =
    parsed !== undefined && parsed.country === "KR" && parsed.isValid() && parsed.formatNational().replace(/[^0-9]/g, "") === input;
  if (!valid) throw validationError(field, "must be a valid Korean domestic phone number");
  return input;
}
