import { CampaignCallTimeWindow, describeCallTimeWindow, isTerminalStatus, jsonEqual } from "../../provider/tooling";
import { redactPhoneNumbers } from "../output";
import type { RefreshedCampaign } from "./refresh-events";

type Props = Record<string, unknown>;

/** The kinds of change made in vox.ai that a refresh reveals. */
export type DriftKind = "gone" | "canceled" | "paused" | "resumed" | "renamed" | "window" | "concurrency";

/** One change made in vox.ai, and the two ways to settle it. */
export interface DriftFinding {
  kind: DriftKind;
  /** What changed, in words (names and windows, never a phone number). */
  what: string;
  /** How the program's declaration is put back in vox.ai, or why it cannot be. */
  putBack: string;
  /** How the program takes in what vox.ai now holds. */
  takeIn: string;
}

/** The command that both refreshes state and applies the program: plain `up` would diff against stale state. */
const UP = "`pulumi up --refresh`";

/**
 * The changes made in vox.ai to one campaign since state was written. Progress (calls placed, a status
 * moving from pending to ongoing, a pause by the API outside the windows, a campaign finishing by
 * itself) is not drift and gives none.
 */
export function driftOf(campaign: RefreshedCampaign): DriftFinding[] {
  const { before, after } = campaign;
  if (!after) return [gone()];
  if (after.status === "canceled" && before.status !== "canceled") return [canceled()];
  if (isTerminalStatus(String(after.status))) return [];
  const findings: DriftFinding[] = [];
  if (after.paused === true && before.paused !== true) findings.push(paused());
  if (after.paused === false && before.paused === true) findings.push(resumed());
  if (after.name !== before.name) findings.push(renamed(before, after));
  if (!jsonEqual(after.callTimeWindow ?? null, before.callTimeWindow ?? null)) findings.push(window(before, after));
  if (after.concurrency !== before.concurrency) findings.push(concurrency(before, after));
  return findings;
}

/** Whether the refresh found the campaign finished by itself (success or fail): news, not drift. */
export function finishedByItself(campaign: RefreshedCampaign): boolean {
  const status = String(campaign.after?.status);
  return status !== "canceled" && isTerminalStatus(status) && !isTerminalStatus(String(campaign.before.status));
}

function gone(): DriftFinding {
  return {
    kind: "gone",
    what: "🕳️ **gone**: vox.ai no longer has this campaign",
    putBack:
      "not without calling its list again: after the refresh drops it from state, `pulumi up` creates a new " +
      "campaign that calls everyone on the list; keep its declaration only if that is wanted",
    takeIn: `delete its campaign file (its declaration), then ${UP} (it drops the campaign from state; no request)`,
  };
}

function canceled(): DriftFinding {
  return {
    kind: "canceled",
    what: "🛑 **canceled** in vox.ai",
    putBack: "not possible: a canceled campaign never runs again; a new campaign file (a new name) would call its list again",
    takeIn: `delete its campaign file, then ${UP} (the refresh records it finished; removing it sends no request)`,
  };
}

function paused(): DriftFinding {
  return {
    kind: "paused",
    what: "⏸ **paused** in vox.ai by a user: no new calls are placed",
    putBack: `${UP} resumes it (the program declares it running)`,
    takeIn: `declare \`paused: true\` in its campaign file, then ${UP} (no request: it is paused already)`,
  };
}

function resumed(): DriftFinding {
  return {
    kind: "resumed",
    what: "▶ **resumed** in vox.ai: calls are placed again inside its windows",
    putBack: `${UP} pauses it again (the program declares \`paused: true\`)`,
    takeIn: `remove \`paused: true\` from its campaign file, then ${UP}`,
  };
}

function renamed(before: Props, after: Props): DriftFinding {
  // A name is free text: someone may have typed a number into it in the dashboard.
  const quoted = (name: unknown) => JSON.stringify(redactPhoneNumbers(String(name)));
  return {
    kind: "renamed",
    what: `✏️ **renamed** in vox.ai: ${quoted(before.name)} → ${quoted(after.name)}`,
    putBack: `${UP} renames it back to ${quoted(before.name)} (one PATCH)`,
    takeIn: `set \`name: ${quoted(after.name)}\` in its campaign file, then ${UP}`,
  };
}

function window(before: Props, after: Props): DriftFinding {
  const text = (value: unknown) => describeCallTimeWindow(value as CampaignCallTimeWindow | null | undefined);
  return {
    kind: "window",
    what: `🕘 **call window changed** in vox.ai: ${text(before.callTimeWindow)} → ${text(after.callTimeWindow)}`,
    putBack: `${UP} restores ${text(before.callTimeWindow)} (one PATCH)`,
    takeIn: `declare \`callTimeWindow\` as ${text(after.callTimeWindow)} in its campaign file, then ${UP}`,
  };
}

function concurrency(before: Props, after: Props): DriftFinding {
  return {
    kind: "concurrency",
    what: `🔀 **concurrency changed** in vox.ai: ${String(before.concurrency)} → ${String(after.concurrency)} calls at once`,
    putBack:
      `not in place: the API cannot change concurrency, so ${UP} would replace the campaign (the redial guard ` +
      "stops that once it has placed calls)",
    takeIn: `set \`concurrency: ${String(after.concurrency)}\` in its campaign file, then ${UP}`,
  };
}
