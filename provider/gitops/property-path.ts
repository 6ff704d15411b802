/** `tasks[3].callTo` → `["tasks", 3, "callTo"]`: the inverse of the schema's `formatPath`, to find a failure's line. */
export function parsePropertyPath(property: string): PropertyKey[] {
  return Array.from(property.matchAll(/([^.[\]]+)|\[(\d+)\]/g), (match) =>
    match[2] !== undefined ? Number(match[2]) : match[1],
  );
}
