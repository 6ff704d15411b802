import type { Output } from "../../cli/output";

/** An Output that keeps what a command printed, for a test to read. */
export function capturedOutput(): Output & { outLines: string[]; errLines: string[] } {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return { outLines, errLines, out: (line) => outLines.push(line), err: (line) => errLines.push(line) };
}
