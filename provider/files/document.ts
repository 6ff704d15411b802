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
 * Levels of flow collections (`[…]`, `{…}`) a document may nest. The yaml package parses recursively: a few
 * hundred levels overflow its stack and 200,000 exhaust the memory. Inputs need far fewer (metadata may nest
 * 64 levels, which the schema then checks with the field's path).
 */
const MAX_FLOW_NESTING = 128;

/**
 * How many nodes aliases may expand to, counted as the yaml package does (uses of an anchor times its
 * size): a "billion laughs" file of nested aliases would otherwise take all memory, and no campaign file
 * needs more.
 */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses YAML 1.2, and so JSON too, keeping source positions. Repeated keys are errors (JSON.parse
 * would silently keep the last one), and so are flow collections nested more than {@link MAX_FLOW_NESTING}
 * levels and aliases that expand past {@link MAX_ALIAS_COUNT} nodes: time and memory stay bounded by the text's size.
 */
export function parseDocument(text: string): DocumentResult {
  const tooDeep = flowNestingProblem(text);
  if (tooDeep !== undefined) return { ok: false, problems: [tooDeep] };
  const lineCounter = new YAML.LineCounter();
  const document = YAML.parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => ({
        line: lineCounter.linePos(error.pos[0]).line,
        reason: describeYamlError(error.message),
      })),
    };
  }
  const lineAt = (offset: number | undefined): number => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // The yaml package says "Excessive alias count indicates a resource exhaustion attack", without a place.
    if (error instanceof ReferenceError)
      return { ok: false, problems: [{ line: lineAt(firstAliasOffset(document)), reason: ALIAS_REASON }] };
    // Block nesting just short of what overflows the parser may still overflow the conversion.
    if (error instanceof RangeError) return { ok: false, problems: [{ line: 1, reason: TOO_DEEP_REASON }] };
    throw error;
  }
  return { ok: true, document: { value, lineOf: (path) => lineAt(offsetOf(document.contents, path)) } };
}

const ALIAS_REASON =
  `its aliases (*name) expand to more than ${MAX_ALIAS_COUNT} values, the most a campaign file may repeat ` +
  "this way; write the values out, or repeat fewer of them";

const TOO_DEEP_REASON = "nests too deeply to be read; campaign inputs nest a few levels (metadata at most 64)";

/** The yaml package's message, minus the excerpt of the offending line it appends (which may hold a number). */
function describeYamlError(message: string): string {
  const sentence = message.split(/ at line \d+|:\n/)[0];
  // Deep block nesting overflows the parser's stack; it reports that as an error of the document.
  if (/call stack/i.test(sentence)) return TOO_DEEP_REASON;
  return sentence;
}

/** Where flow collections first nest too deeply, found by the yaml package's lexer, which does not recurse. */
function flowNestingProblem(text: string): SyntaxProblem | undefined {
  let depth = 0;
  let line = 1;
  for (const token of new YAML.Lexer().lex(text)) {
    if (token === "[" || token === "{") depth++;
    else if (token === "]" || token === "}") depth--;
    else if (token.includes("\n")) line += token.split("\n").length - 1;
    if (depth > MAX_FLOW_NESTING) {
      return {
        line,
        reason: `nests more than ${MAX_FLOW_NESTING} levels of [ ] and { }; campaign inputs nest a few levels (metadata at most 64)`,
      };
    }
  }
  return undefined;
}

function firstAliasOffset(document: YAML.Document): number | undefined {
  let offset: number | undefined;
  YAML.visit(document, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return YAML.visit.BREAK;
    },
  });
  return offset;
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
