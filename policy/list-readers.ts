/**
 * What a `tasksFile` campaign needs to be read as check read it: its contact list and its suppression
 * lists. Loaded by tasks.ts at the first such campaign only: the CSV parser and the encodings cost a
 * policy pack's start some 0.3 s on a loaded 2-core machine, for stacks that may have no `tasksFile` at all.
 */
export { readContactList } from "../provider/contact-lists";
export { Suppression, readSuppressionList } from "../provider/suppression";
