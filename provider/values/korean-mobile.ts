/**
 * A fast path for the commonest callee number, a Korean mobile number, decided by one regular expression
 * built at load time from libphonenumber's own Korean metadata (the same data the full parse uses): the
 * full parse costs about 30 µs a number, which made it three quarters of checking a 10,000-task list.
 * Anything the pattern does not accept goes through the full library (see phone.ts).
 */
import { Metadata, getCountryCallingCode } from "libphonenumber-js/core";
import metadata from "libphonenumber-js/max/metadata";

/** The parts of libphonenumber's numbering plan used here; its typings do not declare them. */
interface NumberingPlanInternals {
  nationalPrefix(): string;
  nationalNumberPattern(): string;
  type(name: "MOBILE"): { pattern(): string; possibleLengths(): number[] } | undefined;
}

function koreanMobilePattern(): { number: RegExp; nationalNumber: RegExp; lengths: number[]; nationalPrefix: string } {
  const plans = new Metadata(metadata);
  plans.selectNumberingPlan("KR");
  const plan = plans.numberingPlan as unknown as NumberingPlanInternals;
  const mobile = plan.type("MOBILE");
  if (!mobile) throw new Error("libphonenumber's Korean metadata has no mobile numbers");
  const nationalPrefix = plan.nationalPrefix();
  const callingCode = getCountryCallingCode("KR", metadata);
  return {
    // The national prefix or +82, then a national number of the mobile type.
    number: new RegExp(`^(?:${nationalPrefix}|\\+${callingCode})(${mobile.pattern()})$`),
    nationalNumber: new RegExp(`^(?:${plan.nationalNumberPattern()})$`),
    lengths: mobile.possibleLengths(),
    nationalPrefix,
  };
}

const MOBILE = koreanMobilePattern();

/**
 * The domestic digits of a Korean mobile number given as compact digits (`01012345678` or
 * `+821012345678`), or undefined when the pattern cannot decide (then the full library must).
 * libphonenumber formats every Korean mobile number nationally as the national prefix followed by the
 * national number; test/provider/korean-mobile.test.ts holds this against the full library.
 */
export function domesticMobileDigits(compact: string): string | undefined {
  const match = MOBILE.number.exec(compact);
  if (!match) return undefined;
  const nationalNumber = match[1];
  if (!MOBILE.lengths.includes(nationalNumber.length) || !MOBILE.nationalNumber.test(nationalNumber)) return undefined;
  return MOBILE.nationalPrefix + nationalNumber;
}
