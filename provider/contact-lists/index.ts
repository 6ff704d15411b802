/** Contact lists (CSV from spreadsheets, or JSON) read into campaign tasks. */
export { isContactListFile, readContactList } from "./read";
export type { ContactList } from "./contact-list";
export { tasksFromCsv } from "./csv";
export type { CsvContactOptions } from "./csv";
export { DEFAULT_CSV_COLUMNS } from "./csv-columns";
export type { CsvColumnOptions } from "./csv-columns";
export { tasksFromJson } from "./json";
export type { JsonContactOptions } from "./json";
export { ContactListError } from "./errors";
export type { TextEncoding } from "../files/text";
export { readTasksFile, tasksFilePath } from "./tasks-file";
export type { TasksFileSpec } from "./tasks-file";
