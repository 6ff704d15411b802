import * as YAML from "yaml";

/** A parsed YAML or JSON text that can tell on which line a value stands. */
export interface LocatedDocument {
  /** The plain value (objects, arrays, strings, numbers, booleans, null). */
  value: unknown;
  /**
   * The 1-based line of the value at `path` (for an object key, the key's line); for a path that does
   * not exist, the line of its deepest part that does.
   */
  lineOf(path: ReadonlyArray<PropertyKey>): number;
}

/** A syntax error, with the line it is on. Its reason never quotes the text (which may hold phone numbers). */
export interface SyntaxProblem {
  line: number;
  reason: string;
}

/** The parsed document, or every syntax error found. */
export type DocumentResult = { ok: true; document: LocatedDocument } | { ok: false; problems: SyntaxProblem[] };

/**
 * Parses YAML 1.2, and so JSON too, keeping source positions. Repeated keys are errors (JSON.parse
 * would silently keep the last one).
 */
export function parseDocument(text: string): DocumentResult {
  const lineCounter = new YAML.LineCounter();
  const document = YAML.parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => ({
        line: lineCounter.linePos(error.pos[0]).line,
        // The yaml package appends an excerpt of the offending line: keep only the sentence before it.
        reason: error.message.split(/ at line \d+|:\n/)[0],
      })),
    };
  }
  const lineAt = (offset: number | undefined): number => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  return {
    ok: true,
    document: {
      value: document.toJS({ maxAliasCount: 100 }),
      lineOf: (path) => lineAt(offsetOf(document.contents, path)),
    },
  };
}

function offsetOf(root: unknown, path: ReadonlyArray<PropertyKey>): number | undefined {
  let node = root;
  let offset = startOf(root);
  for (const part of path) {
    if (YAML.isMap(node)) {
      const pair = node.items.find((item) => YAML.isScalar(item.key) && String(item.key.value) === String(part));
      if (!pair) break;
      offset = startOf(pair.key) ?? offset;
      node = pair.value;
    } else if (YAML.isSeq(node) && typeof part === "number" && node.items[part] !== undefined) {
      node = node.items[part];
      offset = startOf(node) ?? offset;
    } else {
      break;
    }
  }
  return offset;
}

function startOf(node: unknown): number | undefined {
  return YAML.isNode(node) && node.range ? node.range[0] : undefined;
}

/**
 * `lineOf` for a text that is parsed with positions only when first asked: for large lists that are
 * read with JSON.parse, and need a line number only for a message.
 */
export function lazyLineFinder(text: string): (path: ReadonlyArray<PropertyKey>) => number {
  let lineOf: ((path: ReadonlyArray<PropertyKey>) => number) | undefined;
  return (path) => {
    if (!lineOf) {
      const parsed = parseDocument(text);
      lineOf = parsed.ok ? parsed.document.lineOf : () => 1;
    }
    return lineOf(path);
  };
}
