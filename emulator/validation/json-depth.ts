/**
 * ASSUMED API rule (docs/vox-api.md): free-form JSON such as `tasks[].metadata` nests at most this many
 * levels of objects and arrays (`{}` is 1 level, `{"a": {}}` is 2). Deeper values cannot be written back
 * out: JSON.stringify recurses and overflows the stack a few thousand levels down, which would make every
 * later data-file write fail.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether a parsed JSON value nests deeper than `limit` levels of objects and arrays. Iterative (an
 * explicit stack), so it cannot overflow the call stack however deep the value is; stops at the first
 * container beyond the limit.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (typeof next.value !== "object" || next.value === null) continue;
    const depth = next.depth + 1;
    if (depth > limit) return true;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth });
  }
  return false;
}
