/** How many problems an error message lists before it says how many more there are. */
export const LISTED_PROBLEMS = 20;

/**
 * A contact list that cannot be used. `problems` holds every error, each naming the file, the line
 * and the column or field (`contacts.csv:14 column phone: 010******78 is not …`); the message lists
 * the first {@link LISTED_PROBLEMS}. Numbers in it are masked.
 */
export class ContactListError extends Error {
  override name = "ContactListError";
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(problemsMessage(file, problems, "the contact list"));
  }
}

/** `file: N problems in <what>:` and the first {@link LISTED_PROBLEMS} of them, one per indented line. */
export function problemsMessage(file: string, problems: string[], what: string): string {
  const lines = firstProblems(problems).map((line) => `  ${line}`);
  return `${file}: ${problems.length} problem${problems.length === 1 ? "" : "s"} in ${what}:\n${lines.join("\n")}`;
}

/** The first {@link LISTED_PROBLEMS} problems and, when there are more, a last line that counts the rest. */
export function firstProblems(problems: string[]): string[] {
  const rest = problems.length - LISTED_PROBLEMS;
  return [...problems.slice(0, LISTED_PROBLEMS), ...(rest > 0 ? [`… and ${rest} more (\`pulumi-vox validate\` lists them all)`] : [])];
}
