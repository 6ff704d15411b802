import { maskNumber } from "../provider/tooling";

/**
 * A Korean number as people write it (`010-1234-5678`, `+82 10 1234 5678`, `0212345678`), not inside
 * a longer word or hex string such as a digest.
 */
const PHONE_NUMBER = /(?<![0-9A-Za-z])(?:\+82[-\s.]?|0)\d{1,2}[-\s.)]?\d{3,4}[-\s.]?\d{4}(?![0-9A-Za-z])/g;

/**
 * Masks anything shaped like a phone number. The messages the CLI prints are masked where they are
 * made; this is the last line of defence for text it passes on, such as Pulumi's diagnostics.
 */
export function redactPhoneNumbers(text: string): string {
  return text.replace(PHONE_NUMBER, (number) => maskNumber(number));
}

/** Where a command writes: results to `out`, problems to `err`. Both redact phone numbers. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/** An {@link Output} on the process's stdout and stderr. */
export function processOutput(): Output {
  return {
    out: (line) => process.stdout.write(redactPhoneNumbers(line) + "\n"),
    err: (line) => process.stderr.write(redactPhoneNumbers(line) + "\n"),
  };
}
