import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { domesticMobileDigits } from "./korean-mobile";

/** Separators people type inside phone numbers; the API wants digits only. */
const SEPARATORS = /[\s\-.()]/g;

export type PhoneResult = { ok: true; digits: string } | { ok: false; reason: string };

/**
 * Validates a Korean phone number with libphonenumber's full metadata (the real API validates with
 * libphonenumber too) and returns it in the domestic digits-only form the API expects:
 * `010-1234-5678`, `+82 10 1234 5678` and `01012345678` all become `01012345678`.
 */
export function normalizeKoreanNumber(input: string): PhoneResult {
  const compact = input.replace(SEPARATORS, "");
  if (!/^\+?\d+$/.test(compact)) {
    return { ok: false, reason: `${maskNumber(input)} contains characters other than digits, +, spaces and hyphens` };
  }
  const mobile = domesticMobileDigits(compact);
  if (mobile !== undefined) return { ok: true, digits: mobile };
  const parsed = parsePhoneNumberFromString(compact, "KR");
  if (!parsed || parsed.country !== "KR" || !parsed.isValid()) {
    return {
      ok: false,
      reason:
        `${maskNumber(input)} is not a valid Korean phone number; ` +
        // The forms, not example numbers: a real-looking example would be masked like the user's input.
        "use a domestic number: mobile 010-XXXX-XXXX, Seoul 02-XXX(X)-XXXX, other areas and 070 0XX-XXX(X)-XXXX, " +
        "or a representative number 1XXX-XXXX",
    };
  }
  return { ok: true, digits: parsed.formatNational().replace(/\D/g, "") };
}

/**
 * Shows enough of a number to find it in the input without printing the whole number into a log:
 * `01012345678` becomes `010******78`.
 */
export function maskNumber(value: string): string {
  if (value.length <= 5) return "*".repeat(value.length);
  return value.slice(0, 3) + "*".repeat(value.length - 5) + value.slice(-2);
}
