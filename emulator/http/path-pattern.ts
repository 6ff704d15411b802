/**
 * Matches a request path against a pattern segment by segment. `*` and `{name}` each match exactly one
 * non-empty segment (an id); everything else must be equal.
 * @returns the segments the wildcards matched, in order, or null when the path does not match
 */
export function matchPath(pattern: string, path: string): string[] | null {
  const patternSegments = pattern.split("/");
  const pathSegments = path.split("/");
  if (patternSegments.length !== pathSegments.length) return null;
  const captured: string[] = [];
  for (let i = 0; i < patternSegments.length; i++) {
    const expected = patternSegments[i];
    const actual = pathSegments[i];
    if (expected === "*" || /^\{[^}]+\}$/.test(expected)) {
      if (actual === "") return null;
      captured.push(actual);
    } else if (expected !== actual) {
      return null;
    }
  }
  return captured;
}
