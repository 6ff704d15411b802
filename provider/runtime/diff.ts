import { jsonEqual } from "../schema/digest";
import { containsUnknown } from "../schema/unknown";
import { campaignApi } from "./context";
import { isNotFound } from "./errors";
import { takeRefreshedChanges } from "./refresh-memory";

export interface DiffResult {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
}

/**
 * Fields whose change needs a new campaign; the API changes only `name` and `callTimeWindow` in place.
 * `tasks` is compared through `tasksDigest`, so inline tasks and a tasks file with the same content are
 * equal, and the secret list itself is never compared in clear.
 */
const REPLACING = new Set([
  "agentId",
  "agentVersion",
  "callFrom",
  "presentationNumber",
  "concurrency",
  "tasks",
  "scheduledAt",
  "adoptId",
]);

type Props = Record<string, unknown>;

/** Normalized values of one field on both sides; a side holding a preview unknown differs from everything. */
const comparators: Record<string, (olds: Props, news: Props, id: string) => boolean> = {
  name: (o, n) => differs(o.name, n.name),
  callTimeWindow: (o, n) => differs(o.callTimeWindow ?? null, n.callTimeWindow ?? null),
  agentId: (o, n) => differs(o.agentId, n.agentId),
  agentVersion: (o, n) => differs(o.agentVersion, n.agentVersion),
  callFrom: (o, n) => differs(o.callFrom, n.callFrom),
  presentationNumber: (o, n) => differs(o.presentationNumber ?? null, n.presentationNumber ?? null),
  concurrency: (o, n) => differs(o.concurrency, n.concurrency),
  tasks: (o, n) => containsUnknown(n.tasks) || containsUnknown(n.tasksFile) || differs(o.tasksDigest, n.tasksDigest),
  // Leaving scheduledAt out later is no change: the campaign's start is already decided.
  scheduledAt: (o, n) => n.scheduledAt !== undefined && differs(o.scheduledAt, n.scheduledAt),
  // Adopting the campaign the resource already manages is no change; adopting another one is.
  adoptId: (o, n, id) => n.adoptId !== undefined && differs(id, n.adoptId),
};

function differs(a: unknown, b: unknown): boolean {
  return containsUnknown(a) || containsUnknown(b) || !jsonEqual(a, b);
}

/**
 * Compares old outputs with new (checked) inputs. A replace cancels the old campaign before the new one
 * is created, so two campaigns never call the same list at once; and when the old campaign has already
 * placed calls, the replace is refused unless `allowRedial` is set (the redial guard).
 */
export async function diff(id: string, olds: Props, news: Props): Promise<DiffResult> {
  const changed = Object.keys(comparators).filter((field) => comparators[field](olds, news, id));
  // After a refresh read, a status or counter that moved is drift worth showing (never a replace).
  changed.push(...takeRefreshedChanges(id, olds));
  const replaces = changed.filter((field) => REPLACING.has(field));
  if (replaces.length > 0 && news.allowRedial !== true) {
    await guardAgainstRedial(id, olds, news, replaces);
  }
  return { changes: changed.length > 0, replaces, deleteBeforeReplace: replaces.length > 0 };
}

async function guardAgainstRedial(id: string, olds: Props, news: Props, replaces: string[]): Promise<void> {
  let campaign;
  try {
    campaign = await campaignApi().get(id);
  } catch (error) {
    if (isNotFound(error)) return; // Gone: nothing of it can ring again.
    throw error;
  }
  const placed = campaign.completedCalls + campaign.failedCalls + campaign.activeConcurrency;
  if (placed === 0) return;
  const people = typeof news.taskCount === "number" ? news.taskCount : olds.taskCount;
  throw new Error(
    `redial guard: changing ${replaces.join(", ")} replaces campaign ${id} ("${campaign.name}"), and the new ` +
      `campaign would call all ${people} people on its list again. The current campaign has already placed ` +
      `${placed} calls (${campaign.completedCalls} completed, ${campaign.failedCalls} failed, ` +
      `${campaign.activeConcurrency} in progress; status ${campaign.status}). ` +
      "To call them again, set `allowRedial: true` on this resource; otherwise revert the change.",
  );
}
