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
    super(
      `${file}: ${problems.length} problem${problems.length === 1 ? "" : "s"} in the contact list:\n` +
        firstProblems(problems)
          .map((line) => `  ${line}`)
          .join("\n"),
    );
  }
}

/** The first {@link LISTED_PROBLEMS} problems and, when there are more, a last line that counts the rest. */
export function firstProblems(problems: string[]): string[] {
  const rest = problems.length - LISTED_PROBLEMS;
  return [...problems.slice(0, LISTED_PROBLEMS), ...(rest > 0 ? [`… and ${rest} more (\`pulumi-vox validate\` lists them all)`] : [])];
}
