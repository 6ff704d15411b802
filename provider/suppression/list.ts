import { digitsHash } from "./number-hash";
import type { SuppressionFormat } from "../campaign/args";

/**
 * A suppression list as read: its entries in one set (normalized digits for a CSV list, SHA-256 hex for a
 * hashed one). Never printed, never recorded: state and messages get its label, size and keyed digest.
 */
export class SuppressionList {
  constructor(
    /** The path as the declaration gave it (absolute for the dynamic door). */
    readonly path: string,
    /** How messages and state name the list: the path relative to the program's folder. */
    readonly label: string,
    readonly format: SuppressionFormat,
    private readonly entries: ReadonlySet<string>,
  ) {}

  /** Distinct entries. */
  get size(): number {
    return this.entries.size;
  }

  /** Whether the list holds the number with these normalized digits. */
  has(digits: string): boolean {
    return this.entries.has(this.format === "sha256" ? digitsHash(digits) : digits);
  }

  /** The entries in one order whatever the file's, for the digest. */
  sortedEntries(): string[] {
    return [...this.entries].sort();
  }
}
