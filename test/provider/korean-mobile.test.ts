import * as assert from "assert";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { domesticMobileDigits } from "../../provider/values/korean-mobile";
import { normalizeKoreanNumber } from "../../provider/values/phone";

/** What the full library makes of compact digits: the domestic digits of a valid Korean number, or undefined. */
function fullLibrary(compact: string): string | undefined {
  const parsed = parsePhoneNumberFromString(compact, "KR");
  if (!parsed || parsed.country !== "KR" || !parsed.isValid()) return undefined;
  return parsed.formatNational().replace(/\D/g, "");
}

/** Deterministic digits, so that a failure can be run again. */
function* digitStream(seed: number): Generator<string> {
  let state = seed;
  for (;;) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    yield String(state % 10);
  }
}

/** Numbers starting with every 4-digit national prefix from 1000 to 1999 (and a few others), 7 to 11 digits long. */
function sampleNumbers(): string[] {
  const digits = digitStream(42);
  const rest = (length: number) => Array.from({ length }, () => digits.next().value).join("");
  const numbers: string[] = [];
  for (let head = 1000; head <= 1999; head++) {
    for (let length = 7; length <= 11; length++) numbers.push(`${head}${rest(length - 4)}`.slice(0, length));
  }
  for (const head of ["2", "31", "50", "60", "70", "80", "15", "16"]) numbers.push(`${head}${rest(8)}`);
  return numbers.flatMap((nationalNumber) => [`0${nationalNumber}`, `+82${nationalNumber}`, nationalNumber, `00${nationalNumber}`]);
}

describe("the Korean mobile fast path", () => {
  const numbers = sampleNumbers();

  it("agrees with the full library on every number it decides, over every 4-digit mobile prefix and length", () => {
    let decided = 0;
    for (const compact of numbers) {
      const fast = domesticMobileDigits(compact);
      if (fast === undefined) continue;
      decided++;
      assert.strictEqual(fast, fullLibrary(compact), compact);
    }
    // It must decide the common case, or it speeds nothing up.
    assert.ok(decided > 1000, `decided only ${decided} of ${numbers.length}`);
  });

  it("decides the usual mobile spellings and leaves other numbers to the library", () => {
    assert.strictEqual(domesticMobileDigits("01012345678"), "01012345678");
    assert.strictEqual(domesticMobileDigits("+821012345678"), "01012345678");
    assert.strictEqual(domesticMobileDigits("0212345678"), undefined);
    assert.strictEqual(domesticMobileDigits("15881508"), undefined);
    assert.strictEqual(domesticMobileDigits("010123"), undefined);
  });

  it("leaves normalizeKoreanNumber's answers as the full library gives them, but for 010 numbers that are not 11 digits", () => {
    for (const compact of numbers) {
      const result = normalizeKoreanNumber(compact);
      const full = fullLibrary(compact);
      // The library still takes the 10-digit 010 numbers of 2004; today such a number has lost a digit.
      const expected = full?.startsWith("010") && full.length !== 11 ? undefined : full;
      assert.strictEqual(result.ok ? result.digits : undefined, expected, compact);
    }
  });
});
