import { problemsMessage } from "../contact-lists/errors";

/**
 * A suppression list that cannot be used: every problem names the file and line (and column for a CSV),
 * never an entry's value. A list that cannot be read stops the campaign: calling people because their
 * opt-out could not be read is the one thing it must not do.
 */
export class SuppressionListError extends Error {
  override name = "SuppressionListError";
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(problemsMessage(file, problems, "the suppression list"));
  }
}
