import { distance } from "fastest-levenshtein";

/** `call_to`, `CALL-TO` → `callto`: spellings that differ only in case and separators compare equal. */
function folded(key: string): string {
  return key.replace(/[-_\s]/g, "").toLowerCase();
}

/**
 * The known field a mistyped key most likely meant: the same name in another case or with separators
 * (`call_to` → `callTo`, the API's wire spelling), else the nearest by edit distance when that is small
 * for the key's length (`calTo` → `callTo`, `strat` → `start`), else none.
 */
export function nearestField(key: string, known: readonly string[]): string | undefined {
  const exact = known.find((field) => folded(field) === folded(key));
  if (exact) return exact;
  let best: string | undefined;
  // Short keys tolerate one edit, longer ones a third of their length (at least a swapped pair, 2 edits).
  let bestDistance = (key.length <= 3 ? 1 : Math.max(2, Math.ceil(key.length / 3))) + 1;
  for (const field of known) {
    const d = distance(folded(key), folded(field));
    if (d < bestDistance) [best, bestDistance] = [field, d];
  }
  return best;
}

/** `unknown field; did you mean callTo?`, or the list of known fields when none is near. */
export function unknownFieldReason(key: string, known: readonly string[]): string {
  const near = nearestField(key, known);
  if (near) return `unknown field; did you mean ${near}?`;
  return known.length > 0 ? `unknown field; the fields here are ${known.join(", ")}` : "unknown field";
}
