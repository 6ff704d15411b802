/**
 * Checks of the raw input's shape that must come before the schema: zod, `containsUnknown`,
 * `canonicalJson` and `toPlainJson` all recurse, so a value nested thousands of levels deep would
 * overflow the stack with no field path; and JavaScript objects turn some keys into something else
 * (`obj["__proto__"] = v` sets the prototype: the entry vanishes without a word).
 */

/**
 * Levels of objects and arrays `tasks[].metadata` may nest (`{}` is 1 level). ASSUMED API rule,
 * docs/vox-api.md (the emulator enforces the same). Every other input is held to the same depth below
 * its own field, far more than its schema allows, so that nothing recursive ever sees a deeper value.
 */
export const MAX_NESTING = 64;

/**
 * Keys no input may hold at any depth: `__proto__` is dropped (or replaces the prototype) when a plain
 * object is built from the input, by zod and by Pulumi's own serialization; `constructor` and
 * `prototype` are the other keys that prototype-pollution gadgets look for. Tracking data can always name
 * them differently.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export interface ShapeProblem {
  path: PropertyKey[];
  reason: string;
}

/**
 * Finds, without recursion, the keys in {@link FORBIDDEN_KEYS} and the values nesting deeper than
 * {@link MAX_NESTING}, under `value` (which stands at `path`). Depth is counted from each task's
 * field (`tasks[i].metadata`) inside it, and from `value` itself everywhere else. At most one depth problem is
 * reported per counted value, at that value's path (as the API names it).
 */
export function shapeProblems(value: unknown, path: PropertyKey[]): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  const tooDeep = new Set<string>();
  // `root` is the path depth is counted from; `depth` the levels of containers from it down to `value`.
  const pending: { value: unknown; path: PropertyKey[]; root: PropertyKey[]; depth: number }[] = [{ value, path, root: path, depth: 0 }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    // Only JSON's containers: a program's Outputs, Promises and Dates are Pulumi's to resolve.
    if (!Array.isArray(next.value) && !isPlainObject(next.value)) {
      const reason = valueProblem(next.value, next.path);
      if (reason) problems.push({ path: next.path, reason });
      continue;
    }
    const depth = next.depth + 1;
    if (depth > MAX_NESTING) {
      const key = next.root.join("\u0000");
      if (!tooDeep.has(key)) {
        tooDeep.add(key);
        problems.push({
          path: next.root,
          reason: `nests more than ${MAX_NESTING} levels of objects and arrays (the API's limit); flatten it`,
        });
      }
      continue;
    }
    for (const key of Object.keys(next.value)) {
      const childPath = [...next.path, Array.isArray(next.value) ? Number(key) : key];
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({
          path: childPath,
          reason: `"${key}" cannot be used as a key: JavaScript objects treat it specially, so it would be dropped or misread; rename it`,
        });
        continue;
      }
      const child = (next.value as Record<string, unknown>)[key];
      const isTaskField = next.path.length === 2 && next.path[0] === "tasks";
      pending.push(
        isTaskField
          ? { value: child, path: childPath, root: childPath, depth: 0 }
          : { value: child, path: childPath, root: next.root, depth },
      );
    }
  }
  return problems.reverse();
}

/**
 * Values a program can hold that Pulumi's serialization changes without a word, or that fail later with
 * a TypeError naming no field: NaN and ±Infinity (NaN in metadata became null), an invalid Date
 * (`new Date("x")`), and `undefined` where it is data (a prompt variable or metadata value, a list item),
 * which Pulumi drops. An `undefined` input field is only left out, and stays allowed.
 */
function valueProblem(value: unknown, path: PropertyKey[]): string | undefined {
  if (typeof value === "number" && !Number.isFinite(value))
    return `is ${value}, which is not a number the API can take; give a finite number`;
  if (value instanceof Date && Number.isNaN(value.getTime())) {
    return "is an invalid Date (its text could not be read as a time); give a valid Date or an ISO-8601 time such as 2026-12-01T09:00:00+09:00";
  }
  if (value === undefined && isData(path))
    return "is undefined, which Pulumi would drop without a word; give a value, or leave the key out";
  return undefined;
}

/** Inside a task's prompt variables or metadata, or an item of a list. */
function isData(path: PropertyKey[]): boolean {
  const inTaskData = path[0] === "tasks" && (path[2] === "dynamicVariables" || path[2] === "metadata") && path.length > 3;
  return inTaskData || typeof path[path.length - 1] === "number";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
