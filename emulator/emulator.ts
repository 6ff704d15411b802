import { createHash } from "node:crypto";
import { CampaignService } from "./campaigns/service";
import { CampaignStore } from "./campaigns/store";
import { Clock, LATEST_CLOCK_MS, isClockTime } from "./clock";
import { ApiError, validationError } from "./errors";
import { FaultInjector, validateFaultSpec } from "./faults";
import { Simulation } from "./lifecycle/simulation";
import { EmulatorSettings } from "./options";
import { DataFileWriter, dataFileContents, loadDataFile } from "./persistence";
import { RateLimiter } from "./rate-limit";
import { RequestLog } from "./request-log";

const LATEST_ISO = new Date(LATEST_CLOCK_MS).toISOString();

/** The clock as the control endpoints report it. */
export interface ClockView {
  now: number;
  iso: string;
  speed: number;
}

/** What `reset` clears: everything (campaigns, faults, request log) or only the request log. */
export type ResetScope = "all" | "requests";

/**
 * The emulator without its HTTP server: the parts, wired together, and the control operations that the
 * `/_emulator/` endpoints and the in-process handle of `startEmulator` share.
 */
export class Emulator {
  readonly store = new CampaignStore();
  readonly requestLog = new RequestLog();
  readonly faults: FaultInjector;
  readonly rateLimiter: RateLimiter;
  readonly campaigns: CampaignService;
  private readonly organizationsByKey: ReadonlyMap<string, string>;
  private dataFile: DataFileWriter | null = null;

  private constructor(
    readonly settings: EmulatorSettings,
    readonly clock: Clock,
  ) {
    this.organizationsByKey = new Map(settings.apiKeys.map((key) => [key, organizationIdOf(key)]));
    this.faults = new FaultInjector(settings.seed);
    settings.faults.forEach((fault, index) => this.faults.add(validateFaultSpec(fault, `faults[${index}]`)));
    this.rateLimiter = new RateLimiter(settings.rateLimit);
    const simulation = new Simulation({ seed: settings.seed, failureRate: settings.failureRate, durationMs: settings.callDurationMs });
    const approved = settings.approvedPresentationNumbers === null ? null : new Set(settings.approvedPresentationNumbers);
    this.campaigns = new CampaignService(this.store, simulation, clock, approved);
  }

  /** Builds an emulator, loading the data file when there is one. */
  static async open(settings: EmulatorSettings): Promise<Emulator> {
    const saved = settings.dataFile === null ? null : await loadDataFile(settings.dataFile);
    // Emulated time never runs backwards across a restart: campaigns would otherwise be created "before" older ones.
    const clock = new Clock(Math.max(settings.startTime, saved?.clockNow ?? 0), settings.speed);
    const emulator = new Emulator(settings, clock);
    if (saved !== null) emulator.store.restore(saved);
    if (settings.dataFile !== null) emulator.saveChangesTo(settings.dataFile);
    return emulator;
  }

  private saveChangesTo(path: string): void {
    const writer = new DataFileWriter(path, () => dataFileContents(this.store.snapshot(), this.clock.now()));
    this.store.onChange(() => writer.scheduleSave());
    this.dataFile = writer;
  }

  /** The organization of an API key; undefined for a key the emulator does not accept. */
  organizationOf(apiKey: string): string | undefined {
    return this.organizationsByKey.get(apiKey);
  }

  clockView(): ClockView {
    const now = this.clock.now();
    return { now, iso: new Date(now).toISOString(), speed: this.clock.speed };
  }

  /** Moves the clock forward and processes every campaign's events up to the new time. */
  advanceClock(ms: number): ClockView {
    const room = LATEST_CLOCK_MS - this.clock.now();
    if (!Number.isSafeInteger(ms) || ms < 0 || ms > room) {
      throw validationError("advanceMs", `must be an integer from 0 to ${room} (the clock cannot pass ${LATEST_ISO})`);
    }
    this.clock.advance(ms);
    this.campaigns.catchUpAll();
    return this.clockView();
  }

  /**
   * Sets the clock. Backwards only while no campaign exists: their events and timestamps assume that
   * time only moves on (reset first to go back).
   */
  setClock(ms: number): ClockView {
    if (!isClockTime(ms)) throw validationError("set", `must be unix milliseconds from 0 to ${LATEST_CLOCK_MS} (${LATEST_ISO})`);
    if (ms < this.clock.now() && this.store.size > 0) {
      throw new ApiError(409, "INVALID_STATE", { field: "set", reason: "the clock cannot go back while campaigns exist; reset first" });
    }
    this.clock.set(ms);
    this.campaigns.catchUpAll();
    return this.clockView();
  }

  /** Clears campaigns, faults and the request log, or only the log. The clock keeps its time. */
  reset(scope: ResetScope = "all"): void {
    this.requestLog.reset();
    if (scope === "requests") return;
    this.faults.clear();
    this.store.clear();
  }

  /**
   * Resolves once every change so far is on disk (at once without a data file). Every answer waits for it:
   * what a client was told survives a kill -9.
   * @throws Error when the data file cannot be written (the changes stay in memory and are retried)
   */
  async durable(): Promise<void> {
    await this.dataFile?.flush();
  }

  /** Brings every campaign up to now and writes the data file; resolves when it is on disk. */
  async flush(): Promise<void> {
    if (this.dataFile === null) return;
    this.campaigns.catchUpAll();
    this.store.markChanged();
    await this.dataFile.flush();
  }
}

/** A stable organization id per key (a digest, so the id reveals nothing about the key). */
function organizationIdOf(apiKey: string): string {
  const hex = createHash("sha256").update(`vox-emulator-organization:${apiKey}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
