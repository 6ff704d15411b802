import { z } from "zod";
import type { CampaignTask } from "../campaign/args";
import { LIMITS, taskList } from "../campaign/schema";
import type { SizeLimit } from "../files/bounded-read";
import { maskNumber } from "../values/phone";

/**
 * The largest contact list read, the size of the API's largest request: ten thousand rows of number, name
 * and a few columns take well under a tenth of it, and the limit is what bounds the time and memory a
 * list takes to read (a 200 MB export is refused at once instead of exhausting memory).
 */
export const CONTACT_LIST_LIMIT: SizeLimit = {
  bytes: LIMITS.requestBodyMaxBytes,
  noun: "a contact list",
  advice: `one campaign takes at most ${LIMITS.tasksMax.toLocaleString("en-US")} tasks: split the list, or remove the columns that are not sent`,
};

/**
 * Errors for a list of the wrong size (no entries, or more than one campaign accepts), with the file
 * named. `entries` are the rows or items as written, valid or not: a list whose every row is wrong is
 * not also "empty".
 */
export function listSizeProblems(file: string, entries: unknown[]): string[] {
  // The same limits as inline `tasks`, read from the schema so the two cannot drift apart.
  const parsed = taskList(z.unknown()).safeParse(entries);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${file}: ${issue.message}`);
}

/** Names a task by its place in the file: where a message points (`contacts.csv:7 column phone`) and how another message refers to it (`line 7`). */
export interface TaskPlaces {
  at(index: number): string;
  name(index: number): string;
}

/**
 * One warning for every task whose number already came earlier in the list. Not an error: the API
 * accepts repeats and dials each, which is sometimes meant (two reasons to call one person) and
 * usually a copy-paste slip.
 */
export function duplicateWarnings(tasks: CampaignTask[], places: TaskPlaces): string[] {
  const firstSeen = new Map<string, number>();
  const warnings: string[] = [];
  tasks.forEach((task, index) => {
    const first = firstSeen.get(task.callTo);
    if (first === undefined) {
      firstSeen.set(task.callTo, index);
    } else {
      warnings.push(`${places.at(index)}: ${maskNumber(task.callTo)} repeats ${places.name(first)}; it will be called once for each`);
    }
  });
  return warnings;
}
