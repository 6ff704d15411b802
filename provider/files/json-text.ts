/**
 * A JSON text walked without recursion, for what JSON.parse does not tell: which keys an object repeats
 * (JSON.parse silently keeps the last: `{"callTo": A, "callTo": B}` would call B), on which line a value
 * stands, and where a syntax error is (JSON.parse's own message quotes the text, which may hold numbers).
 * Nesting costs one small stack entry per level, so a list nested 200,000 levels deep is only slow to read.
 */

/** A place in the text. */
interface Position {
  offset: number;
  line: number;
}

/** A key an object holds twice, at the path of the second one. */
export interface RepeatedKey {
  path: PropertyKey[];
  line: number;
}

/** What one walk over the text found. */
export type JsonOutline =
  { ok: true; repeatedKeys: RepeatedKey[]; lineOf(path: ReadonlyArray<PropertyKey>): number } | { ok: false; line: number; reason: string };

/** An open object or array on the walk's stack. */
interface Frame {
  isArray: boolean;
  /** The array index or object key of the value being read in it. */
  at: string | number;
  /** The keys read so far (objects only). */
  keys: Set<string> | undefined;
}

/** Called at the start of each value with its depth (0 for the whole text) and the open containers; true stops the walk. */
type Visit = (depth: number, stack: readonly Frame[], position: Position) => boolean;

class SyntaxProblem extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Checks the syntax, finds repeated keys anywhere, and returns `lineOf`, which finds the line of a path
 * (for a path that does not exist, of its deepest part that does). The start of each entry of a top-level
 * array is kept, so that placing a message reads only that entry again.
 */
export function outlineJson(text: string): JsonOutline {
  const entries: Position[] = [];
  const repeatedKeys: RepeatedKey[] = [];
  try {
    new JsonWalker(text, { offset: 0, line: 1 }, [], repeatedKeys).walk((depth, stack, position) => {
      if (depth === 1 && stack[0].isArray) entries.push(position);
      return false;
    });
  } catch (error) {
    if (error instanceof SyntaxProblem) return { ok: false, line: error.line, reason: error.reason };
    throw error;
  }
  const lineOf = (path: ReadonlyArray<PropertyKey>): number => {
    const [first, ...rest] = path;
    const entry = typeof first === "number" ? entries[first] : undefined;
    if (entry === undefined) return 1;
    return lineWithin(text, entry, [first], rest);
  };
  return { ok: true, repeatedKeys, lineOf };
}

/** Reads the one value at `start` (standing at `base`) until `rest` is found; the line of the deepest part of `rest` found. */
function lineWithin(text: string, start: Position, base: PropertyKey[], rest: ReadonlyArray<PropertyKey>): number {
  let line = start.line;
  new JsonWalker(text, start, base, []).walk((depth, stack, position) => {
    if (depth > rest.length) return false;
    for (let i = 0; i < depth; i++) if (String(stack[i].at) !== String(rest[i])) return false;
    line = position.line;
    return depth === rest.length;
  }, true);
  return line;
}

// eslint-disable-next-line no-control-regex -- JSON forbids control characters in strings: this finds them.
const ESCAPE_OR_CONTROL = /[\\\u0000-\u001f]/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class JsonWalker {
  private offset: number;
  private line: number;

  constructor(
    private readonly text: string,
    start: Position,
    private readonly base: PropertyKey[],
    private readonly repeatedKeys: RepeatedKey[],
  ) {
    this.offset = start.offset;
    this.line = start.line;
  }

  /** Walks one value; with `single`, stops at its end instead of requiring the text to end there. */
  walk(visit: Visit, single = false): void {
    const stack: Frame[] = [];
    for (;;) {
      // A value is expected here.
      this.skipWhitespace();
      if (visit(stack.length, stack, { offset: this.offset, line: this.line })) return;
      const opened = this.readValue();
      if (opened !== undefined) {
        stack.push(opened);
        if (this.closesAtOnce(opened)) {
          stack.pop();
        } else {
          if (!opened.isArray) this.readKey(stack);
          continue;
        }
      }
      // A value ended: close what ends with it, then move to the next value of the container.
      for (;;) {
        const frame = stack[stack.length - 1];
        if (frame === undefined) {
          if (!single) this.expectEnd();
          return;
        }
        this.skipWhitespace();
        const char = this.text[this.offset];
        if (char === ",") {
          this.offset++;
          if (frame.isArray) {
            frame.at = (frame.at as number) + 1;
            this.refuseTrailingComma("]");
          } else {
            this.readKey(stack);
          }
          break;
        }
        if (char === (frame.isArray ? "]" : "}")) {
          this.offset++;
          stack.pop();
          continue;
        }
        this.fail(char === undefined ? "the text ends inside a list or object" : `expected "," or "${frame.isArray ? "]" : "}"}" here`);
      }
    }
  }

  /** Reads a scalar, or the opening of a container (returned, to be pushed). */
  private readValue(): Frame | undefined {
    const char = this.text[this.offset];
    if (char === "{" || char === "[") {
      this.offset++;
      return { isArray: char === "[", at: char === "[" ? 0 : "", keys: char === "{" ? new Set() : undefined };
    }
    if (char === '"') {
      this.readString();
      return undefined;
    }
    if (char === "-" || (char >= "0" && char <= "9")) {
      this.readNumber();
      return undefined;
    }
    for (const literal of ["true", "false", "null"]) {
      if (this.text.startsWith(literal, this.offset)) {
        this.offset += literal.length;
        return undefined;
      }
    }
    this.fail(unexpected(char));
  }

  /** `[]` and `{}`: consumed here, so that an empty container is never asked for a value or key. */
  private closesAtOnce(frame: Frame): boolean {
    this.skipWhitespace();
    if (this.text[this.offset] !== (frame.isArray ? "]" : "}")) return false;
    this.offset++;
    return true;
  }

  /** Reads `"key":` into the object on top of the stack, noting a key it already holds. */
  private readKey(stack: Frame[]): void {
    this.refuseTrailingComma("}");
    if (this.text[this.offset] !== '"') this.fail('expected a key in double quotes ("key": value)');
    const line = this.line;
    const key = this.readString();
    const frame = stack[stack.length - 1];
    if (frame.keys!.has(key)) {
      this.repeatedKeys.push({ path: [...this.base, ...stack.slice(0, -1).map((open) => open.at), key], line });
    }
    frame.keys!.add(key);
    frame.at = key;
    this.skipWhitespace();
    if (this.text[this.offset] !== ":") this.fail('expected ":" after the key');
    this.offset++;
  }

  /** Right after a comma (or an opening brace): the error names the comma's line, not the closer's. */
  private refuseTrailingComma(closer: string): void {
    const line = this.line;
    this.skipWhitespace();
    if (this.text[this.offset] === closer) {
      throw new SyntaxProblem(line, `a comma before "${closer}" (a trailing comma), which JSON does not allow; remove it`);
    }
  }

  /**
   * Finds the closing quote with indexOf and checks the plain case with one character class; a string with
   * escapes is read by a loop (a pattern with alternatives would backtrack per character of a long string).
   */
  private readString(): string {
    const text = this.text;
    const quote = text.indexOf('"', this.offset + 1);
    if (quote >= 0 && !ESCAPE_OR_CONTROL.test(text.slice(this.offset + 1, quote))) {
      const plain = text.slice(this.offset + 1, quote);
      this.offset = quote + 1;
      return plain;
    }
    let end = this.offset + 1;
    let escaped = false;
    for (;;) {
      const code = text.charCodeAt(end);
      if (code === 0x22) break;
      if (Number.isNaN(code) || code < 0x20) this.fail("a string is not closed on its line, or holds a control character such as a tab");
      if (code === 0x5c) {
        escaped = true;
        const length = escapeLength(text, end);
        if (length === 0) this.fail('a "\\" in a string starts no escape JSON knows (\\", \\\\, \\n, \\uXXXX, …)');
        end += length;
      } else {
        end++;
      }
    }
    const raw = text.slice(this.offset, end + 1);
    this.offset = end + 1;
    return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }

  private readNumber(): void {
    NUMBER.lastIndex = this.offset;
    const match = NUMBER.exec(this.text);
    if (match === null) this.fail("a number is written wrongly here");
    this.offset += match[0].length;
  }

  private skipWhitespace(): void {
    const text = this.text;
    let offset = this.offset;
    for (;;) {
      const code = text.charCodeAt(offset);
      if (code === 0x0a) this.line++;
      else if (code !== 0x20 && code !== 0x09 && code !== 0x0d) break;
      offset++;
    }
    this.offset = offset;
  }

  private expectEnd(): void {
    this.skipWhitespace();
    if (this.offset < this.text.length) this.fail("more text follows the end of the JSON value");
  }

  private fail(reason: string): never {
    throw new SyntaxProblem(this.line, reason);
  }
}

/** The length of the escape at `at` (a backslash), or 0 when it is no JSON escape. */
function escapeLength(text: string, at: number): number {
  const next = text[at + 1];
  if (next !== undefined && '"\\/bfnrt'.includes(next)) return 2;
  return next === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6)) ? 6 : 0;
}

/** What a character where a value should start most likely means. */
function unexpected(char: string | undefined): string {
  if (char === undefined) return "the text ends where a value should be";
  if (char === "'") return "strings need double quotes in JSON, not single quotes";
  if (char === "/") return "JSON has no comments; remove it";
  if (char === "]" || char === "}") return `expected a value before "${char}"`;
  return "expected a value (a string in double quotes, a number, true, false, null, [ or {)";
}
