import { open, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import writeFileAtomic from "write-file-atomic";
import { StoreSnapshot } from "./campaigns/store";
import { isClockTime } from "./clock";

const FORMAT = "vox-emulator-data";
const VERSION = 1;

/** The data file: one JSON document holding every campaign, its tasks and its simulation state. */
export interface DataFileContents extends StoreSnapshot {
  format: typeof FORMAT;
  version: typeof VERSION;
  /** The emulated time when it was written: after a restart the clock never runs behind it. */
  clockNow: number;
}

/** Builds the file contents from the store's snapshot and the clock. */
export function dataFileContents(snapshot: StoreSnapshot, clockNow: number): DataFileContents {
  return { format: FORMAT, version: VERSION, clockNow, ...snapshot };
}

/** The data file's text, and the ids of the campaigns that could not be serialized and were left out. */
export interface SerializedDataFile {
  text: string;
  skippedIds: string[];
}

/**
 * Serializes the contents one campaign at a time, so that a campaign that cannot be serialized (validation
 * should make that impossible) is left out alone instead of failing the whole write and, with it, every
 * later change of every other campaign.
 */
export function serializeDataFile(contents: DataFileContents): SerializedDataFile {
  const { campaigns, ...header } = contents;
  const skippedIds: string[] = [];
  const campaignTexts: string[] = [];
  for (const campaign of campaigns) {
    try {
      campaignTexts.push(JSON.stringify(campaign));
    } catch {
      skippedIds.push(campaign.id);
    }
  }
  // The header is a non-empty object: its text minus the closing brace takes the campaigns as one more member.
  const headerText = JSON.stringify(header);
  return { text: `${headerText.slice(0, -1)},"campaigns":[${campaignTexts.join(",")}]}`, skippedIds };
}

/**
 * Reads the data file; null when it does not exist yet.
 * @throws Error when the file exists but is not a data file of this version (it is then left untouched)
 */
export async function loadDataFile(path: string): Promise<DataFileContents | null> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  let contents: Partial<DataFileContents>;
  try {
    contents = JSON.parse(text) as Partial<DataFileContents>;
  } catch {
    throw new Error(`${path} is not valid JSON; refusing to overwrite it`);
  }
  if (contents.format !== FORMAT || contents.version !== VERSION || !Array.isArray(contents.campaigns)) {
    throw new Error(`${path} is not a ${FORMAT} file of version ${VERSION}; refusing to overwrite it`);
  }
  if (!isClockTime(contents.clockNow)) {
    throw new Error(`${path} has clockNow ${String(contents.clockNow)}, outside the clock's range; refusing to overwrite it`);
  }
  return contents as DataFileContents;
}

/**
 * Saves the data file after changes. Each write is atomic (temp file, fsync, rename, fsync of the folder) so
 * that a crash leaves the old file or the new one, never a torn one, and durable once it resolves. Writes are
 * serialized (never two at once) and grouped: a write takes every change made before it starts, and `flush`
 * waits only for the first write that holds the changes made before it was called, so requests answered
 * together share one write. Changes nobody waits for (the simulation's, as the clock runs) are written within
 * `debounceMs`.
 */
export class DataFileWriter {
  /** Changes noted so far, and how many of them the file on disk holds. */
  private changes = 0;
  private changesOnDisk = 0;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;

  constructor(
    private readonly path: string,
    private readonly contents: () => DataFileContents,
    private readonly debounceMs = 100,
  ) {}

  /** Notes a change; the file is written within `debounceMs`. */
  scheduleSave(): void {
    this.changes++;
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      // A failed background write is retried by the next change or flush.
      this.flush().catch((error: Error) => console.error(`vox-emulator: could not write ${this.path}: ${error.message}`));
    }, this.debounceMs);
    // close() flushes; a forgotten emulator must not keep the process alive for a pending save.
    this.timer.unref();
  }

  /**
   * Resolves once every change noted so far is on disk: at once when a finished write holds them, after
   * the write in progress when it does, else after a new write.
   * @throws Error when the write that was to hold them failed
   */
  async flush(): Promise<void> {
    const target = this.changes;
    while (this.changesOnDisk < target) {
      if (this.writing === null) {
        await this.write();
      } else {
        // Another caller's write: its failure is reported to that caller, and this loop writes again.
        await this.writing.catch(() => undefined);
      }
    }
  }

  private async write(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const holding = this.changes;
    const { text, skippedIds } = serializeDataFile(this.contents());
    // Ids only: they carry no private data, and the rest of the campaign is what could not be written.
    if (skippedIds.length > 0) console.error(`vox-emulator: left out of ${this.path}, cannot serialize: ${skippedIds.join(", ")}`);
    this.writing = writeDurably(this.path, text).then(() => {
      this.changesOnDisk = holding;
    });
    try {
      await this.writing;
    } finally {
      this.writing = null;
    }
  }
}

/** Replaces the file atomically and makes the rename itself durable, which fsync of the file alone does not. */
async function writeDurably(path: string, text: string): Promise<void> {
  await writeFileAtomic(path, text);
  // Windows cannot open a folder to fsync it: there the rename is as durable as the file system makes it.
  if (process.platform === "win32") return;
  const folder = await open(dirname(path), "r");
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
