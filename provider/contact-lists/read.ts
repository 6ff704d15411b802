import * as path from "path";
import { displayPath } from "../files/display-path";
import type { ContactList } from "./contact-list";
import { CsvContactOptions, tasksFromCsv } from "./csv";
import { ContactListError } from "./errors";
import { tasksFromJson } from "./json";

/**
 * Reads a contact list by its extension: `.csv` with {@link tasksFromCsv}, `.json` with
 * {@link tasksFromJson}. This is what `tasksFile` uses, with the default options.
 *
 * @throws ContactListError with every problem found.
 */
export function readContactList(file: string, options: CsvContactOptions = {}): ContactList {
  const extension = path.extname(file).toLowerCase();
  if (extension === ".csv") return tasksFromCsv(file, options);
  if (extension === ".json") return tasksFromJson(file, { encoding: options.encoding });
  const name = displayPath(file);
  throw new ContactListError(name, [`${name}: a contact list must be a .csv or .json file`]);
}
