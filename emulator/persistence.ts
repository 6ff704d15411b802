import { readFile } from "node:fs/promises";
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
 * Saves the data file after changes: writes are debounced (a burst of changes costs one write) and
 * serialized (never two at once), each atomically (temp file, fsync, rename) so that a crash leaves the
 * old file or the new one, never a torn one. `flush` writes what is pending and waits for it.
 */
export class DataFileWriter {
  private dirty = false;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;

  constructor(
    private readonly path: string,
    private readonly contents: () => DataFileContents,
    private readonly debounceMs = 100,
  ) {}

  /** Notes a change; the file is written within `debounceMs`. */
  scheduleSave(): void {
    this.dirty = true;
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      // A failed background write leaves the state dirty: the next change or flush tries again.
      this.write().catch((error: Error) => console.error(`vox-emulator: could not write ${this.path}: ${error.message}`));
    }, this.debounceMs);
    // close() flushes; a forgotten emulator must not keep the process alive for a pending save.
    this.timer.unref();
  }

  /** Writes pending changes now and waits until they are on disk. */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.write();
  }

  private async write(): Promise<void> {
    // Another write's failure is reported to its own caller; this one just waits its turn.
    while (this.writing !== null) await this.writing.catch(() => undefined);
    if (!this.dirty) return;
    this.dirty = false;
    const { text, skippedIds } = serializeDataFile(this.contents());
    // Ids only: they carry no private data, and the rest of the campaign is what could not be written.
    if (skippedIds.length > 0) console.error(`vox-emulator: left out of ${this.path}, cannot serialize: ${skippedIds.join(", ")}`);
    this.writing = writeFileAtomic(this.path, text).catch((error: Error) => {
      this.dirty = true;
      throw error;
    });
    try {
      await this.writing;
    } finally {
      this.writing = null;
    }
  }
}
