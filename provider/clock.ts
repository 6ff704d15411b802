import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * Time as an input. Everything in the provider and the command line that needs "now" or waits takes a
 * `Clock` from outside, so that tests drive time and no result depends on the machine's calendar date.
 * Production code passes `systemClock`, built here and nowhere else.
 */
export interface Clock {
  /** The current time, in unix milliseconds. */
  now(): number;
  /** Resolves after `ms` milliseconds of this clock's time. */
  sleep(ms: number): Promise<void>;
}

/** The machine's clock and timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/** The folders of clocks other than the machine's, by purpose, removed when the process exits. */
const ownFolders = new WeakMap<Clock, Map<string, string>>();
const foldersToRemove = new Set<string>();

/**
 * Where files that record `clock`'s times live (the request budget, the create journal): `shared`, which
 * every process on the machine reads, for the machine's clock; a temp folder of its own for any other
 * clock (a test's), whose times mean nothing to a process on the machine's clock, nor its to it.
 */
export function folderForClock(clock: Clock, shared: string, purpose: string): string {
  if (clock === systemClock) return shared;
  let folders = ownFolders.get(clock);
  if (!folders) ownFolders.set(clock, (folders = new Map()));
  let folder = folders.get(purpose);
  if (!folder) {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), `pulumi-vox-${purpose}-`));
    folders.set(purpose, folder);
    if (foldersToRemove.size === 0)
      process.once("exit", () => foldersToRemove.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
    foldersToRemove.add(folder);
  }
  return folder;
}
