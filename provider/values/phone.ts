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
  if (compact === "") return { ok: false, reason: "is empty; write a phone number, e.g. 010-XXXX-XXXX" };
  if (!/^\+?\d+$/.test(compact)) {
    return {
      ok: false,
      reason: `${maskNumber(input)} contains characters other than digits, +, spaces and hyphens: ${describeStray(compact)}`,
    };
  }
  const digits = domesticMobileDigits(compact) ?? fullLibraryDigits(compact);
  if (digits === undefined) {
    return {
      ok: false,
      reason:
        `${maskNumber(input)} is not a valid Korean phone number; ` +
        // The forms, not example numbers: a real-looking example would be masked like the user's input.
        "use a domestic number: mobile 010-XXXX-XXXX, Seoul 02-XXX(X)-XXXX, other areas and 070 0XX-XXX(X)-XXXX, " +
        "or a representative number 1XXX-XXXX",
    };
  }
  // libphonenumber still accepts the 10-digit 010 numbers of 2004, which no longer exist: such a number is
  // a dropped digit, and dialling it would call someone else.
  if (digits.startsWith("010") && digits.length !== MOBILE_010_DIGITS) {
    return {
      ok: false,
      reason: `${maskNumber(input)} has ${digits.length} digits, but every 010 number has ${MOBILE_010_DIGITS} (010-XXXX-XXXX); ${digits.length < MOBILE_010_DIGITS ? "a digit is missing" : "a digit is extra"}`,
    };
  }
  return { ok: true, digits };
}

/** Digits of every 010 mobile number since the 2004 numbering plan. */
const MOBILE_010_DIGITS = 11;

/** The domestic digits of a valid Korean number by libphonenumber's full metadata, or undefined. */
function fullLibraryDigits(compact: string): string | undefined {
  const parsed = parsePhoneNumberFromString(compact, "KR");
  if (!parsed || parsed.country !== "KR" || !parsed.isValid()) return undefined;
  return parsed.formatNational().replace(/\D/g, "");
}

/**
 * Characters that look like a hyphen but are not one: word processors and spreadsheets turn typed hyphens
 * into them, and in a message they cannot be told from "-".
 */
const DASHES: Readonly<Record<string, string>> = {
  "\u00ad": "a soft hyphen",
  "\u2010": "a Unicode hyphen",
  "\u2011": "a non-breaking hyphen",
  "\u2012": "a figure dash",
  "\u2013": "an en dash",
  "\u2014": "an em dash",
  "\u2015": "a horizontal bar",
  "\u2212": "a minus sign",
  "\ufe58": "a small em dash",
  "\ufe63": "a small hyphen-minus",
  "\uff0d": "a full-width hyphen",
};

/** Names the first character that is not allowed, with its code point: `"–" (an en dash, U+2013; type "-" instead)`. */
function describeStray(compact: string): string {
  // There is one: the caller's pattern failed on a non-empty text, and a lone "+" counts as one here.
  const stray = [...compact].find((char, index) => !/\d/.test(char) && !(char === "+" && index === 0 && compact.length > 1))!;
  const codePoint = `U+${stray.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  const dash = DASHES[stray];
  if (dash !== undefined) return `"${stray}" (${dash}, ${codePoint}, which looks like a hyphen; type "-" instead)`;
  if (stray === "+") return `"+" (only at the start, as in +82)`;
  // A control or invisible character shows as nothing: its code point alone names it.
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(stray) ? `"${stray}" (${codePoint})` : `an invisible character (${codePoint})`;
}

/**
 * Shows enough of a number to find it in the input without printing the whole number into a log:
 * `01012345678` becomes `010******78`.
 */
export function maskNumber(value: string): string {
  if (value.length <= 5) return "*".repeat(value.length);
  return value.slice(0, 3) + "*".repeat(value.length - 5) + value.slice(-2);
}
