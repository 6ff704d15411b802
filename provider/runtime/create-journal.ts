import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import writeFileAtomic from "write-file-atomic";
import { Clock, folderForClock } from "../clock";
import { VoxError } from "../errors";

/**
 * Creates sent from this machine whose outcome is not known yet, kept on disk so that the next run knows.
 *
 * The API may commit a create seconds after it arrived (the emulator's `slow-commit`). Within one run, a
 * lost answer is followed by lookups for `vox:createLookupSeconds`; but a run killed while its POST is in
 * flight cannot look, and the next run's recognition may come before the commit and find nothing. So
 * before each POST the time it is sent is written here (durably), and once its outcome is known (any
 * answer but a 5xx, or lookups that settled it) the entry is removed. A create that finds an entry younger
 * than the lookup window keeps looking until the window after that send has passed before it sends its own.
 *
 * Entries live under Pulumi's home (`$PULUMI_HOME`, else `~/.pulumi`) in `vox/creates-in-flight/`, one file
 * per API, agent and campaign name, named by their sha256 (no name, key or number is written); a clock
 * other than the machine's (a test's) keeps its entries in a folder of its own. They cover re-runs on this
 * machine only: a fresh CI runner has none (README "Exactly once").
 */
export class CreateJournal {
  private readonly file: string;

  constructor(
    origin: string,
    agentId: string,
    name: string,
    private readonly clock: Clock,
    directory = folderForClock(clock, defaultDirectory(), "creates-in-flight"),
  ) {
    const key = createHash("sha256").update(`${origin}\n${agentId}\n${name}`).digest("hex");
    this.file = path.join(directory, `${key}.json`);
  }

  /**
   * When a POST of this campaign whose outcome was never learned was sent, if that is less than `windowMs`
   * ago. An entry more than `windowMs` ahead of the clock was written on another clock (the machine's set
   * back since, or a test's): it is no send of this clock's past, and waiting for its window would wait
   * until that time, so it is dropped like a settled one.
   */
  unsettledSince(windowMs: number): number | undefined {
    let sentAt: unknown;
    try {
      sentAt = (JSON.parse(fs.readFileSync(this.file, "utf8")) as { sentAt?: unknown }).sentAt;
    } catch {
      return undefined;
    }
    const now = this.clock.now();
    if (typeof sentAt === "number" && sentAt + windowMs > now && sentAt <= now + windowMs) return sentAt;
    this.settled();
    return undefined;
  }

  /** Before each POST: the time it leaves. A POST whose sending cannot be recorded is not sent. */
  sending(): void {
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileAtomic.sync(this.file, JSON.stringify({ sentAt: this.clock.now() }));
    } catch (error) {
      throw new VoxError(
        "SETTINGS",
        `the create was not sent: recording it in ${this.file} failed (${(error as Error).message}); ` +
          "make Pulumi's home directory ($PULUMI_HOME, else ~/.pulumi) writable and run `pulumi up` again",
      );
    }
  }

  /**
   * The outcome is known: the campaign exists and is recorded, or certainly was not created. Never throws:
   * it runs right after the API's answer, and an error here would lose the campaign that answer created;
   * an entry left behind only makes a later create of this name look for one window before posting.
   */
  settled(): void {
    try {
      fs.rmSync(this.file, { force: true });
    } catch {
      // Left behind: see above.
    }
  }
}

function defaultDirectory(): string {
  return path.join(process.env.PULUMI_HOME || path.join(os.homedir(), ".pulumi"), "vox", "creates-in-flight");
}
