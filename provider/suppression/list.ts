import { keyedListDigest } from "./digest";
import { digitsHash } from "./number-hash";
import type { SuppressionFormat } from "../campaign/args";

/**
 * A suppression list as read: its entries in one set, never printed, never recorded (state and messages
 * get its label, size and keyed digest). A CSV list holds numbers as {@link numberKey}s, a hashed list
 * lowercase SHA-256 hex: 100,000 of them are read, looked up and digested within a check's second.
 */
export class SuppressionList {
  private readonly digests = new Map<string, string | null>();

  constructor(
    /** The path as the declaration gave it (absolute for the dynamic door). */
    readonly path: string,
    /** How messages and state name the list: the path relative to the program's folder. */
    readonly label: string,
    readonly format: SuppressionFormat,
    private readonly entries: ReadonlySet<number> | ReadonlySet<string>,
  ) {}

  /** Distinct entries. */
  get size(): number {
    return this.entries.size;
  }

  /** Whether the list holds the number with these normalized digits. */
  has(digits: string): boolean {
    return this.format === "sha256"
      ? (this.entries as ReadonlySet<string>).has(digitsHash(digits))
      : (this.entries as ReadonlySet<number>).has(numberKey(digits));
  }

  /**
   * The keyed digest of the entries in one order whatever the file's (see digest.ts), worked out once per
   * key: of a CSV list's number keys, of a hashed list's entries by their first 52 bits (13 hex digits).
   * Those bits tell two lists apart as well as the whole entries do for lists of real numbers (two
   * numbers sharing them are as likely as a collision among 2^52 values), and sort as numbers in a
   * typed array: sorting 100,000 hex strings took most of a check's second.
   */
  digest(apiKey: string | undefined): string | null {
    const key = apiKey ?? "";
    if (!this.digests.has(key)) {
      const keys =
        this.format === "sha256"
          ? Float64Array.from(this.entries as ReadonlySet<string>, (entry) => parseInt(entry.slice(0, 13), 16))
          : Float64Array.from(this.entries as ReadonlySet<number>);
      this.digests.set(key, keyedListDigest(keys.sort(), apiKey));
    }
    return this.digests.get(key)!;
  }
}

/**
 * Normalized digits as one number: a leading 1 keeps `01…` apart from `1…`, and 13 digits at most stay exact
 * in a double. Numbers are looked up and sorted (a typed array sorts 100,000 in milliseconds) without a string each.
 */
export function numberKey(digits: string): number {
  return Number("1" + digits);
}
