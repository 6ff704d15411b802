import { createHash } from "crypto";
import { normalizeKoreanNumber } from "../values/phone";

/**
 * The entry a hashed suppression list holds for a number: the lowercase hex SHA-256 of its normalized
 * domestic digits as UTF-8 (`010-1234-5678` and `+82 10 1234 5678` both hash `01012345678`), the same
 * normalization tasks get. A number that is not a valid Korean number throws, naming only its masked form.
 */
export function suppressionHash(number: string): string {
  const normalized = normalizeKoreanNumber(number);
  if (!normalized.ok) throw new Error(`suppressionHash: ${normalized.reason}`);
  return digitsHash(normalized.digits);
}

/** The hashed-list entry of digits already normalized. */
export function digitsHash(digits: string): string {
  return createHash("sha256").update(digits).digest("hex");
}
