import * as path from "path";
import { readBoundedFile } from "../files/bounded-read";
import { displayPath } from "../files/display-path";
import type { ContactList } from "./contact-list";
import { CsvContactOptions, tasksFromCsv } from "./csv";
import { ContactListError } from "./errors";
import { tasksFromJson } from "./json";
import { CONTACT_LIST_LIMIT } from "./list-checks";

/**
 * Reads a contact list by its extension: `.csv` with {@link tasksFromCsv}, `.json` with
 * {@link tasksFromJson} (which takes `encoding` alone). This is what `tasksFile` uses.
 *
 * @throws ContactListError with every problem found.
 */
export function readContactList(file: string, options: CsvContactOptions = {}): ContactList {
  const extension = path.extname(file).toLowerCase();
  if (extension === ".csv") return tasksFromCsv(file, options);
  if (extension === ".json") {
    const { encoding, ...csvOnly } = options;
    const name = displayPath(file);
    const given = Object.keys(csvOnly).filter((key) => csvOnly[key as keyof typeof csvOnly] !== undefined);
    // A JSON list names its fields itself: a CSV option given for one would be silently ignored.
    if (given.length > 0)
      throw new ContactListError(name, [
        `${name}: ${given.join(", ")} applies to CSV contact lists only; a JSON list names its own fields`,
      ]);
    return tasksFromJson(file, { encoding });
  }
  const name = displayPath(file);
  throw new ContactListError(name, [`${name}: a contact list must be a .csv or .json file`]);
}

/**
 * Whether a file named on its own (`pulumi-vox validate contacts.csv`) is a contact list rather than a
 * campaign file: a `.csv`, or a `.json` whose text is an array (a campaign file is a mapping).
 */
export function isContactListFile(file: string): boolean {
  const extension = path.extname(file).toLowerCase();
  if (extension === ".csv") return true;
  if (extension !== ".json") return false;
  const read = readBoundedFile(file, CONTACT_LIST_LIMIT);
  return read.ok && /^\ufeff?\s*\[/.test(read.bytes.subarray(0, 64).toString("utf8"));
}
