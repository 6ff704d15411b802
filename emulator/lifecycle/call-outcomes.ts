import { seededRandom } from "../random";

/** What decides how each simulated call goes. */
export interface CallOutcomeSettings {
  seed: number;
  /** Probability in [0, 1] that a call ends failed. */
  failureRate: number;
  /** Call durations are uniform in [minMs, maxMs]. */
  durationMs: { min: number; max: number };
}

/** How one call goes: fixed by the seed, the campaign's creation sequence and the task's index. */
export interface CallOutcome {
  durationMs: number;
  failed: boolean;
}

/** The outcome of the call for task `taskIndex` of the campaign created `campaignSequence`-th. */
export function callOutcome(settings: CallOutcomeSettings, campaignSequence: number, taskIndex: number): CallOutcome {
  const random = seededRandom(settings.seed, "call", campaignSequence, taskIndex);
  const { min, max } = settings.durationMs;
  // At least 1 ms, so a call never ends at the instant it starts and every step moves time forward.
  const durationMs = Math.max(1, min + Math.floor(random() * (max - min + 1)));
  return { durationMs, failed: random() < settings.failureRate };
}
