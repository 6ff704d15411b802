import { CampaignApi } from "../api/campaigns";
import type { SendLog } from "../api/http";
import { UncertainOutcomeError, isNotFound } from "../api/errors";
import type { CampaignTask } from "../campaign/args";
import { ownsName } from "../campaign/autoname";
import { adoptMismatches } from "../campaign/fields";
import { ObservedCampaign, isPausedByUser, isTerminal } from "../campaign/observed";
import { CampaignInputs, CampaignState, campaignOutputs } from "../campaign/state";
import type { Clock } from "../clock";
import { loadTasksFile } from "../contact-lists/tasks-file";
import { taskKeys } from "../campaign/packed-tasks";
import type { Settings } from "../api/settings";
import { VoxError, messageOf } from "../errors";
import { reloadSuppression } from "../suppression/check";
import { toPlainJson } from "../values/json";
import { CreateJournal } from "./create-journal";
import { knownCampaigns } from "./known-campaigns";
import { recordedFailure } from "./recorded-failure";
import { observedPaused, pauseCampaign } from "./update";

/** Pause between lookups while a lost create may still be committing. */
const LOOK_INTERVAL_MS = 1_000;

/**
 * Creates the campaign with one POST, or claims `adoptId` with one GET. Before the POST, recognition looks
 * for this resource's campaign from an earlier run that stopped before recording it (see
 * createExactlyOnce), in the agent's list that this process reads once; a POST whose answer was lost is
 * followed by lookups, never repeated blindly. `paused: true` pauses it right after (1 more request).
 */
export async function createCampaign(
  api: CampaignApi,
  clock: Clock,
  inputs: CampaignInputs,
): Promise<{ id: string; state: CampaignState }> {
  let campaign = inputs.adoptId !== undefined ? await adopt(api, inputs.adoptId, inputs) : await createOnce(api, clock, inputs);
  // Later creates of this process see it without asking the API (see known-campaigns.ts).
  knownCampaigns(api).learn(campaign);
  if (inputs.paused && !isPausedByUser(campaign)) campaign = await pauseCreated(api, campaign, inputs);
  const recorded = inputs.adoptId !== undefined ? adoptedInputs(inputs, campaign) : inputs;
  try {
    return { id: campaign.id, state: campaignOutputs(recorded, campaign) };
  } catch (error) {
    // The campaign exists: hand its id to the engine so state records it instead of orphaning it.
    throw recordedFailure(
      new VoxError(
        "RECORDING_FAILED",
        `campaign ${campaign.id} was created, but recording its outputs failed: ${messageOf(error)}. State records its id; ` +
          "run `pulumi up --refresh` to record the rest (it creates nothing)",
      ),
      campaign.id,
      partialOutputs(inputs, { status: campaign.status }),
    );
  }
}

/**
 * What state records of an adopted campaign: the declaration, with the fields it may differ in (those that
 * need not match to adopt) as the campaign has them, so that the next `up` shows and applies the
 * difference instead of state claiming what the campaign does not have.
 */
export function adoptedInputs(inputs: CampaignInputs, campaign: ObservedCampaign): CampaignInputs {
  return {
    ...inputs,
    name: campaign.name,
    callTimeWindow: campaign.callTimeWindow ?? inputs.callTimeWindow,
    scheduledAt: campaign.scheduledAt ?? inputs.scheduledAt,
    paused: observedPaused(campaign) ?? inputs.paused,
  };
}

/**
 * `paused: true` on a new campaign: created, then paused at once. When the pause fails the campaign exists
 * and may be calling: the error says so, and carries its id with `paused: false` so that state records the
 * campaign and the next `up` pauses it.
 */
async function pauseCreated(api: CampaignApi, campaign: ObservedCampaign, inputs: CampaignInputs): Promise<ObservedCampaign> {
  try {
    return await pauseCampaign(api, campaign.id);
  } catch (error) {
    throw recordedFailure(
      new VoxError(
        "PAUSE_AFTER_CREATE_FAILED",
        `campaign ${campaign.id} was created but pausing it failed (${messageOf(error)}); it may be calling ` +
          "now: pause it in vox.ai, or run `pulumi up` again to pause it",
        { campaignId: campaign.id },
      ),
      campaign.id,
      partialOutputs(inputs, { paused: false, status: campaign.status }),
    );
  }
}

/**
 * What state records of a campaign whose create failed after it existed: the inputs (with them a later
 * diff and delete still work) without the task list, which outputs never hold, and what is known of the
 * campaign. Plain JSON, since the error carries it to the engine as it is.
 */
function partialOutputs(inputs: CampaignInputs, known: Record<string, unknown>): Record<string, unknown> {
  const { tasks: _taskList, ...recorded } = inputs;
  return toPlainJson({ ...recorded, ...known });
}

/**
 * The tasks a create sends: the inline list checked by `check`, or the contact list `tasksFile` names;
 * either without the numbers on the suppression lists, read again (and compared with what check read).
 */
function tasksOf(inputs: CampaignInputs, settings: Settings): CampaignTask[] {
  const suppression = reloadSuppression(inputs.suppressionLists, inputs.suppression, settings.apiKey);
  const keep = (tasks: CampaignTask[]) => (suppression ? suppression.apply(tasks).kept : tasks);
  return inputs.tasks ? keep(inputs.tasks) : loadTasksFile(inputs.tasksFile ?? "", inputs.tasksDigest, taskKeys(settings), keep);
}

async function adopt(api: CampaignApi, id: string, inputs: CampaignInputs): Promise<ObservedCampaign> {
  let campaign: ObservedCampaign;
  try {
    campaign = await api.get(id);
  } catch (error) {
    if (isNotFound(error)) {
      throw new VoxError(
        "ADOPT_NOT_FOUND",
        `adoptId: no campaign ${id} exists for this API key; check the id, or remove adoptId to create one`,
      );
    }
    throw error;
  }
  const mismatches = adoptMismatches(campaign, inputs);
  if (mismatches.length > 0) {
    const list = mismatches.map((mismatch) => mismatch.text).join("; ");
    throw new VoxError(
      "ADOPT_MISMATCH",
      `adoptId: campaign ${id} does not match this resource (${list}); make the declaration match the campaign`,
      {
        fields: mismatches.map((m) => m.field),
      },
    );
  }
  return campaign;
}

async function createOnce(api: CampaignApi, clock: Clock, inputs: CampaignInputs): Promise<ObservedCampaign> {
  const tasks = tasksOf(inputs, api.settings);
  return createExactlyOnce(api, clock, inputs, (sends) => api.create(inputs, tasks, sends));
}

/**
 * The exactly-once rule of a create (the API has no idempotency key):
 * 1. Recognition: the agent's list finds this resource's campaign left by an earlier run that stopped
 *    between POST and state (a killed `pulumi up`, a late commit). With a name carrying this resource's
 *    marker (see autoname.ts) a single unfinished campaign matching the declaration is certainly this resource's and is adopted;
 *    anything less certain stops with CAMPAIGN_EXISTS naming the candidates. The list is read once per
 *    process (see `recognise` for why that is enough), and again whenever it shows a candidate.
 * 2. Every POST, first or repeated, whose outcome is uncertain (no answer, reset, timeout, 5xx) is
 *    followed by lookups for `vox:createLookupSeconds`; a new campaign of this name is adopted only when
 *    it is certainly this resource's, otherwise CREATE_UNCERTAIN lists the candidates. Only a full window
 *    of successful lookups finding nothing sends the POST again (until `vox:retryBudgetSeconds` are used).
 */
async function createExactlyOnce(
  api: CampaignApi,
  clock: Clock,
  inputs: CampaignInputs,
  post: (sends: SendLog) => Promise<ObservedCampaign>,
): Promise<ObservedCampaign> {
  const journal = new CreateJournal(api.settings.baseUrl.origin, inputs.agentId, inputs.name, clock);
  const known = await recognise(api, inputs);
  if (!(known instanceof Set)) {
    journal.settled();
    return known;
  }
  const earlierSend = journal.unsettledSince(api.settings.createLookupMs);
  if (earlierSend !== undefined) {
    // An earlier run on this machine sent a POST and never learned its outcome (killed, say): it may still commit.
    const cause = new UncertainOutcomeError(
      `an earlier run's POST /v2/campaigns of it (sent ${new Date(earlierSend).toISOString()}) got no answer`,
    );
    const found = await lookAfterLoss(api, clock, inputs, known, cause, earlierSend + api.settings.createLookupMs);
    journal.settled();
    if (found) return found;
  }
  const giveUpAt = clock.now() + api.settings.retryBudgetMs;
  for (let posts = 1; ; posts++) {
    try {
      return await post(journal);
    } catch (error) {
      if (!(error instanceof UncertainOutcomeError)) throw error;
      const found = await lookAfterLoss(api, clock, inputs, known, error, clock.now() + api.settings.createLookupMs);
      journal.settled();
      if (found) return found;
      if (clock.now() >= giveUpAt) {
        throw new VoxError(
          "CREATE_UNCERTAIN",
          `creating campaign "${inputs.name}" failed: ${posts} POST${posts > 1 ? "s" : ""} got no answer (last: ${error.message}), ` +
            `and lookups for ${api.settings.createLookupMs / 1000} s after each found no campaign of that name, so none was created ` +
            "as far as the API shows. Run `pulumi up` again: it looks for the campaign again before creating one.",
          { name: inputs.name },
        );
      }
    }
  }
}

/**
 * The earlier run's campaign to adopt, or the ids of the campaigns of this name already there.
 *
 * The agent's list is the one this process read at its first create, with what it has created, adopted or
 * renamed since (known-campaigns.ts). It can lack only a campaign made by something else after it was
 * read, and nothing else makes this resource's campaign meanwhile: a marked name belongs to one resource
 * of one stack, and Pulumi runs one operation at a time on a stack (its lock); an earlier run's POST that
 * commits late is waited for by the create journal, whose lookups read the list afresh. An exact name
 * identifies nothing, and another stack's campaign under it was never certain to be seen (it may come
 * between any list and the POST). Any candidate a list read earlier shows is read again in a fresh list before
 * it is adopted or refused: its status may have moved since (a replace cancels the old campaign first).
 */
async function recognise(api: CampaignApi, inputs: CampaignInputs): Promise<ObservedCampaign | Set<string>> {
  const known = knownCampaigns(api);
  const seen = await known.named(inputs.agentId, inputs.name);
  let sameName = seen.campaigns;
  if (!seen.current && sameName.some((c) => !isTerminal(c.status))) {
    sameName = (await known.fresh(inputs.agentId)).filter((c) => c.name === inputs.name);
  }
  const unfinished = sameName.filter((c) => !isTerminal(c.status));
  if (ownsName(inputs)) {
    if (unfinished.length === 1 && isMatch(unfinished[0], inputs)) return unfinished[0];
    if (unfinished.length > 0) throw campaignExists(inputs, unfinished, "its name carries this resource's marker");
  } else {
    const matching = unfinished.filter((c) => isMatch(c, inputs));
    if (matching.length > 0) throw campaignExists(inputs, matching, "it matches this declaration");
  }
  return new Set(sameName.map((c) => c.id));
}

/**
 * Looks for the campaign a POST with a lost answer may have made, until a lookup started at `windowEnd` or
 * later has run; undefined means lookups until then found nothing.
 */
async function lookAfterLoss(
  api: CampaignApi,
  clock: Clock,
  inputs: CampaignInputs,
  known: Set<string>,
  cause: Error,
  windowEnd: number,
): Promise<ObservedCampaign | undefined> {
  for (;;) {
    const startedAt = clock.now();
    let lookupFailure: string | undefined;
    try {
      // New is what recognition did not see: no filter on created_at, so a clock of ours that runs ahead of
      // the API's cannot hide the campaign the lost POST made.
      const listed = await knownCampaigns(api).fresh(inputs.agentId);
      const fresh = listed.filter((c) => c.name === inputs.name && !known.has(c.id));
      if (fresh.length === 1 && ownsName(inputs) && isMatch(fresh[0], inputs)) return fresh[0];
      if (fresh.length > 0) throw lostCreate(inputs, cause, `it may have, and ${describe(fresh)} appeared since`, fresh);
    } catch (error) {
      if (error instanceof VoxError) throw error;
      lookupFailure = messageOf(error);
    }
    if (startedAt >= windowEnd) {
      if (lookupFailure !== undefined) throw lostCreate(inputs, cause, `looking it up failed (${lookupFailure})`, []);
      return undefined;
    }
    await clock.sleep(Math.max(0, Math.min(LOOK_INTERVAL_MS, windowEnd - clock.now())));
  }
}

/** Same agent, version, numbers, concurrency and number of calls as declared. */
function isMatch(campaign: ObservedCampaign, inputs: CampaignInputs): boolean {
  return campaign.totalCalls === inputs.taskCount && adoptMismatches(campaign, inputs).length === 0;
}

function describe(campaigns: ObservedCampaign[]): string {
  const one = (c: ObservedCampaign) =>
    `${c.id} (status ${c.status}, ${c.totalCalls} calls, created ${c.createdAt ?? "at an unknown time"})`;
  return `${campaigns.length === 1 ? "campaign" : `${campaigns.length} campaigns`} ${campaigns.map(one).join(", ")}`;
}

const CLAIM_ADVICE =
  "If one of them is this resource's campaign, set `adoptId` to its id and run `pulumi up` again; " +
  "cancel in vox.ai any that should not call.";

/** Why none of `found` was adopted. */
function notAdoptedBecause(inputs: CampaignInputs, found: ObservedCampaign[]): string {
  if (found.length > 1) return "more than one candidate exists";
  if (ownsName(inputs)) return "it differs from the declaration";
  return (
    "the name is exact (`exactName: true`), so the candidate may be another stack's or another resource's campaign as well as " +
    "this resource's from an interrupted run; without exactName the name would carry this resource's marker and tell them apart"
  );
}

function campaignExists(inputs: CampaignInputs, found: ObservedCampaign[], why: string): VoxError {
  const ids = found.map((c) => c.id);
  return new VoxError(
    "CAMPAIGN_EXISTS",
    `not creating campaign "${inputs.name}": ${describe(found)} already ${found.length === 1 ? "exists" : "exist"}, unfinished, and ${why}: ` +
      "an earlier `pulumi up` may have created it and stopped before recording it, and a new campaign would call everyone again. " +
      `Nothing was adopted, because ${notAdoptedBecause(inputs, found)}. ` +
      `${CLAIM_ADVICE} To create a new campaign anyway, give this resource another name.`,
    { name: inputs.name, candidates: ids },
  );
}

function lostCreate(inputs: CampaignInputs, cause: Error, what: string, found: ObservedCampaign[]): VoxError {
  const advice =
    found.length > 0
      ? `None was adopted: ${notAdoptedBecause(inputs, found)}. ${CLAIM_ADVICE}`
      : "Do not run `pulumi up` again until you know: find the campaign in vox.ai and set `adoptId` to its id, or confirm that none was created.";
  return new VoxError(
    "CREATE_UNCERTAIN",
    `creating campaign "${inputs.name}" got no answer (${cause.message}); whether it created the campaign is not certain: ${what}. ${advice}`,
    {
      name: inputs.name,
      candidates: found.map((c) => c.id),
    },
  );
}
