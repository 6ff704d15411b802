import { CallTimeWindow, CampaignRecord, isTerminal } from "../campaigns/model";
import { CallOutcomeSettings, callOutcome } from "./call-outcomes";
import { WindowState, windowStateAt } from "./windows";

interface CachedWindowState {
  /** The settings it was computed from: an update replaces the object, which invalidates the entry. */
  timeWindow: CallTimeWindow;
  evaluatedAt: number;
  state: WindowState;
}

/**
 * The campaign lifecycle as a function of emulated time. Event-driven: a campaign is stepped straight
 * from one event (call end, schedule time, window flip) to the next, so that moving the clock a week
 * costs as many steps as there are events, not milliseconds. Campaigns never affect each other, so each
 * is brought up to date only when someone looks at it; the result does not depend on when that is.
 */
export class Simulation {
  /** Weak, so that campaigns removed by a reset take their entries with them. */
  private readonly windowCache = new WeakMap<CampaignRecord, CachedWindowState>();

  constructor(private readonly outcomes: CallOutcomeSettings) {}

  /** Processes every event of the campaign up to and including `now`; returns whether anything happened. */
  catchUp(campaign: CampaignRecord, now: number): boolean {
    let changed = false;
    for (let at = this.nextEventAt(campaign); at <= now; at = this.nextEventAt(campaign)) {
      this.settle(campaign, at);
      changed = true;
    }
    return changed;
  }

  /** Pauses on the user's request; calls in flight still end. The caller checks the status allows it. */
  pause(campaign: CampaignRecord, now: number): void {
    campaign.status = "paused";
    campaign.pausedBy = "user";
    campaign.pausedAt = now;
    campaign.simulation.resumeRequested = false;
    this.settle(campaign, now);
  }

  /** Resumes now when a window is open; otherwise it waits, paused by the system, for the next window. */
  resume(campaign: CampaignRecord, now: number): void {
    campaign.pausedBy = "system";
    campaign.simulation.resumeRequested = true;
    this.settle(campaign, now);
  }

  /** Cancels: unplaced tasks are never placed and count as canceled at once; calls in flight still end. */
  cancel(campaign: CampaignRecord, now: number): void {
    const simulation = campaign.simulation;
    simulation.canceledTasks += campaign.tasks.length - simulation.nextTaskIndex;
    simulation.nextTaskIndex = campaign.tasks.length;
    campaign.status = "canceled";
    this.leavePause(campaign);
    campaign.finishedAt = now;
    this.settle(campaign, now);
  }

  /**
   * Applies the lifecycle rules at instant `at` (never earlier than the previous one): ends the calls due,
   * moves the status, and places calls up to the concurrency. Call it after changing a campaign's
   * settings so that, say, a new window takes effect at once.
   */
  settle(campaign: CampaignRecord, at: number): void {
    const simulation = campaign.simulation;
    simulation.settledAt = at;
    this.endCallsDueBy(campaign, at);
    if (campaign.status === "draft" && campaign.scheduledAt !== null && at >= campaign.scheduledAt) {
      campaign.status = "pending";
    }
    this.followWindows(campaign, at);
    if (!isTerminal(campaign.status) && simulation.nextTaskIndex === campaign.tasks.length && simulation.inFlight.length === 0) {
      campaign.status = simulation.completedCalls > 0 ? "success" : "fail";
      this.leavePause(campaign);
      campaign.finishedAt = at;
    }
    if (campaign.status === "ongoing") this.placeCalls(campaign, at);
  }

  private nextEventAt(campaign: CampaignRecord): number {
    const simulation = campaign.simulation;
    // A new campaign is accepted as pending/draft; it takes its first step at its creation instant.
    if (simulation.settledAt === null) return campaign.createdAt;
    let next = Infinity;
    for (const call of simulation.inFlight) next = Math.min(next, call.endsAt);
    if (campaign.status === "draft" && campaign.scheduledAt !== null) next = Math.min(next, campaign.scheduledAt);
    if (this.waitsForWindowChange(campaign)) next = Math.min(next, this.windowAt(campaign, simulation.settledAt).changesAt);
    return next;
  }

  private waitsForWindowChange(campaign: CampaignRecord): boolean {
    switch (campaign.status) {
      case "pending":
      case "ongoing":
        return true;
      case "paused":
        return campaign.pausedBy === "system" && this.resumesWhenWindowOpens(campaign);
      default:
        return false;
    }
  }

  private resumesWhenWindowOpens(campaign: CampaignRecord): boolean {
    return campaign.callTimeWindow.autoResume || campaign.simulation.resumeRequested;
  }

  private followWindows(campaign: CampaignRecord, at: number): void {
    if (!this.waitsForWindowChange(campaign)) return;
    const open = this.windowAt(campaign, at).open;
    if (campaign.status === "ongoing" && !open) {
      campaign.status = "paused";
      campaign.pausedBy = "system";
      campaign.pausedAt = at;
      campaign.simulation.resumeRequested = false;
    } else if (campaign.status !== "ongoing" && open) {
      campaign.status = "ongoing";
      this.leavePause(campaign);
    }
  }

  private leavePause(campaign: CampaignRecord): void {
    campaign.pausedBy = null;
    campaign.pausedAt = null;
    campaign.simulation.resumeRequested = false;
  }

  private endCallsDueBy(campaign: CampaignRecord, at: number): void {
    const simulation = campaign.simulation;
    const stillRunning = [];
    for (const call of simulation.inFlight) {
      if (call.endsAt > at) stillRunning.push(call);
      else if (call.failed) simulation.failedCalls++;
      else simulation.completedCalls++;
    }
    simulation.inFlight = stillRunning;
  }

  private placeCalls(campaign: CampaignRecord, at: number): void {
    const simulation = campaign.simulation;
    while (simulation.inFlight.length < campaign.concurrency && simulation.nextTaskIndex < campaign.tasks.length) {
      const taskIndex = simulation.nextTaskIndex++;
      const outcome = callOutcome(this.outcomes, campaign.sequence, taskIndex);
      simulation.inFlight.push({ taskIndex, endsAt: at + outcome.durationMs, failed: outcome.failed });
    }
  }

  private windowAt(campaign: CampaignRecord, at: number): WindowState {
    const cached = this.windowCache.get(campaign);
    const timeWindow = campaign.callTimeWindow;
    if (cached !== undefined && cached.timeWindow === timeWindow && at >= cached.evaluatedAt && at < cached.state.changesAt) {
      return cached.state;
    }
    const state = windowStateAt(timeWindow, at);
    this.windowCache.set(campaign, { timeWindow, evaluatedAt: at, state });
    return state;
  }
}
