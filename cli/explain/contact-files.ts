/**
 * What a campaign's contact-list file tells a reviewer, in counts only: how many rows carry their own
 * caller id, and, against the file's version at a base revision (`explain --base origin/main`), how
 * many rows were added, removed and changed. The preview itself cannot tell: the engine keeps task lists
 * secret. The files are read from this checkout, where the preview ran.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { containsUnknown, jsonEqual, readContactList } from "../../provider/tooling";
import type { ContactList } from "../../provider/tooling";
import type { CampaignStep, ListFacts } from "./preview";

type Task = ContactList["tasks"][number];

/** The facts of `campaign`'s contact-list file, or undefined when it has none in this checkout. */
export function listFacts(campaign: CampaignStep, base: string | undefined): ListFacts | undefined {
  const file = campaign.news?.tasksFile;
  if (typeof file !== "string" || containsUnknown(file) || !fs.existsSync(file)) return undefined;
  const current = readList(file);
  if (!current) return undefined;
  const facts: ListFacts = { ownCallerIds: current.filter((task) => task.presentationNumber).length };
  if (!campaign.olds || campaign.olds.tasksDigest === campaign.news?.tasksDigest) return facts;
  if (base === undefined) {
    facts.notCompared = "`pulumi-vox explain --base <git ref>` (e.g. origin/main) counts the rows added, removed and changed";
    return facts;
  }
  const before = fileAt(base, file);
  if (!before) {
    facts.notCompared = `${path.basename(file)} cannot be read at ${base}`;
    return facts;
  }
  facts.changes = compareByNumber(before, current);
  return facts;
}

function readList(file: string): Task[] | undefined {
  try {
    return readContactList(file).tasks;
  } catch {
    // A list with errors fails the preview itself, which says why.
    return undefined;
  }
}

/** The list as it was at git revision `base`, read the same way (same extension, same encoding rules). */
function fileAt(base: string, file: string): Task[] | undefined {
  let bytes: Buffer;
  try {
    bytes = execFileSync("git", ["-C", path.dirname(file), "show", `${base}:./${path.basename(file)}`], {
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 1024 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-vox-explain-"));
  try {
    const copy = path.join(dir, path.basename(file));
    fs.writeFileSync(copy, bytes);
    return readList(copy);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Pairs rows with the same number (a number listed twice pairs twice); the rest were added or removed. */
function compareByNumber(before: Task[], after: Task[]): { added: number; removed: number; changed: number } {
  const unmatched = new Map<string, Task[]>();
  for (const task of before) unmatched.set(task.callTo, [...(unmatched.get(task.callTo) ?? []), task]);
  let added = 0;
  let changed = 0;
  for (const task of after) {
    const previous = unmatched.get(task.callTo)?.shift();
    if (!previous) added++;
    else if (!jsonEqual(previous, task)) changed++;
  }
  const removed = [...unmatched.values()].reduce((sum, rest) => sum + rest.length, 0);
  return { added, removed, changed };
}
