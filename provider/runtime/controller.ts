/**
 * The campaign controller: check, diff, create, read, update and delete of one campaign, over typed
 * inputs (`CampaignInputs`) and state (`CampaignState`), with the API client and the clock handed in. It
 * knows nothing of an engine's records: a door (the dynamic provider, runtime/index.ts; a native provider)
 * migrates and unpacks what its engine sends, calls this, and serializes the answer once.
 */
import { CampaignApi } from "../api/campaigns";
import { isInvalidState, isNotFound } from "../api/errors";
import { validateCampaignRequest } from "../api/request-size";
import { isAutonamed, keptName } from "../campaign/autoname";
import {
  Comparable,
  FIELD_NAMES,
  FieldName,
  adoptMismatches,
  changedFields,
  inPlaceFields,
  replacingFields,
  reviewText,
} from "../campaign/fields";
import { ObservedCampaign, heldInputs, isTerminal } from "../campaign/observed";
import { CampaignInputs, CampaignState, DRIFT_KEYS, campaignOutputs, inputsOfState, withKnownOrganization } from "../campaign/state";
import { Failure, invalidInputs } from "../campaign/validate";
import type { Clock } from "../clock";
import { TasksFileSpec, summarizeTasksFile } from "../contact-lists/tasks-file";
import { TaskKeys, requireSeal, taskKeys } from "../campaign/packed-tasks";
import { renewRecordedDigest } from "../campaign/recorded-digest";
import { VoxError, messageOf } from "../errors";
import { describeCallTimeWindow } from "../values/call-windows";
import { containsUnknown } from "../values/unknown";
import { loadSuppression } from "../suppression/check";
import { moreRemoved } from "../suppression/suppress";
import { adoptedInputs, createCampaign } from "./create";
import { finishedError, observedPaused, updateCampaign } from "./update";

/** What check makes of a program's inputs. */
export interface CheckResult {
  /**
   * The normalized inputs (phone numbers as digits, defaults filled, `taskCount` and `tasksDigest`
   * worked out); values not known yet (a preview) pass through untouched. The task list is a list.
   */
  inputs: Record<string, unknown>;
  /** Each `reason` starts with the field path (`tasks[3].callTo: …`), which `property` holds too. */
  failures: Failure[];
  /**
   * What a preview should tell the user although nothing failed: what could not be checked, what adopting
   * a campaign will be followed by. Each starts with the field or setting it concerns; no number in clear.
   */
  warnings: string[];
}

/** What diff finds between the state and the new inputs. */
export interface DiffResult {
  /** The inputs whose change does something (in place or replace), in field-table order. */
  changed: FieldName[];
  /** Those of `changed` that replace the campaign (the field table's `onChange: "replace"`). */
  replaces: FieldName[];
  /** Observed outputs (status, counters) that the refresh read just before this diff changed: drift to show. */
  drift: string[];
  /** Anything to show at all: `changed` or `drift` is not empty. */
  changes: boolean;
  /** A replace cancels the old campaign before creating the new one: always true when `replaces` is not empty. */
  deleteBeforeReplace: boolean;
}

/** What check needs of the inputs in state (undefined values for a new resource). */
export interface PreviousInputs {
  name?: unknown;
  /** With `exactName`, what the previous inputs say about the name (campaign/autoname.ts keptName). */
  nameMarker?: unknown;
  exactName?: unknown;
  scheduledAt?: unknown;
  adoptId?: unknown;
}

export class CampaignController {
  /**
   * @param api the vox API client (settings, pacing and retries are its own).
   * @param clock "now" for the start-time check and the lookups after a lost create.
   * @param refreshes what a refresh read replaced, for the diff that follows it (keep one per process).
   */
  constructor(
    readonly api: CampaignApi,
    readonly clock: Clock,
    private readonly refreshes = new RefreshMemory(),
  ) {}

  /**
   * Validates and normalizes the inputs; makes no API call (it runs on every preview), except one GET for
   * a newly declared `adoptId`. A `tasksFile` is read here, so a changed file shows in the preview as a
   * changed `tasksDigest`; the inputs keep only its path, `taskCount` and `tasksDigest`.
   */
  async check(news: Record<string, unknown>, olds: PreviousInputs = {}): Promise<CheckResult> {
    const keys = taskKeys(this.api.settings);
    const { inputs, failures } = validateCampaignRequest(news, { now: this.clock.now(), previousScheduledAt: olds.scheduledAt, keys });
    // A campaign named before markers existed keeps its name rather than being renamed (see autoname.ts).
    if (typeof inputs.name === "string" && typeof inputs.nameMarker === "string") {
      Object.assign(inputs, keptName(olds, { name: inputs.name, nameMarker: inputs.nameMarker }));
    }
    // Numbers on a suppression list are taken out here, so that a preview already counts and digests what will be called.
    const suppression = loadSuppression(inputs.suppressionLists, failures);
    suppression?.filterInline(inputs, failures, keys);
    // With inline tasks too, validation has already said to give only one; an unknown path is read at `up`.
    const tasksFileValid = !failures.some((f) => f.property === "tasksFile" || f.property.startsWith("tasksFile."));
    if (inputs.tasksFile !== undefined && tasksFileValid && inputs.tasks === undefined && !containsUnknown(inputs.tasksFile)) {
      const summary = summarizeTasksFile(inputs.tasksFile as TasksFileSpec, keys, suppression?.filter);
      if (summary.ok) Object.assign(inputs, { taskCount: summary.taskCount, tasksDigest: summary.tasksDigest });
      else failures.push(...summary.failures);
    }
    const suppressed = suppression?.record(inputs, failures, this.api.settings.apiKey);
    const warnings = [...(this.api.settings.apiKey ? [] : [NO_KEY_WARNING]), ...(suppressed ? [suppressed] : [])];
    if (failures.length === 0) {
      const adoption = await this.adoptPreview(olds, inputs);
      failures.push(...adoption.failures);
      warnings.push(...adoption.warnings);
    }
    return { inputs, failures: failures.map(blameResourceNameForAutoname(news)), warnings };
  }

  /**
   * Compares the state with new (checked) inputs, by the field table's rules. A replace cancels the old
   * campaign before the new one is created, so two campaigns never call the same list at once; and when
   * the old campaign has already placed calls, the replace is refused unless `allowRedial` is set (the
   * redial guard). During a refresh, `news` are the inputs in state (migrated by the door).
   */
  async diff(id: string, state: CampaignState, news: Comparable & { tasks?: unknown; tasksFile?: unknown }): Promise<DiffResult> {
    // A digest made under an earlier key or version is compared as that key made it (see recorded-digest.ts).
    const { recorded: olds, renewed } = renewRecordedDigest(state, news, taskKeys(this.api.settings));
    const changed = changedFields(olds, news, id);
    // After a refresh read, a status or counter that moved is drift worth showing (never a replace).
    const drift = this.refreshes.take(id, olds);
    // A refresh's diff only reports what vox.ai holds: a concurrency changed there is drift, not a replace
    // to guard (the `up` that would put it back replaces, and guards then).
    const replaces = drift === undefined ? replacingFields(changed) : [];
    // A finished campaign cannot change in place: a preview saying "update" would fail only at `up`. (A
    // refresh's diff compares the other way round and only reports; it must not fail.)
    // What is only recorded (a suppression list's new size) is no change to the campaign: a finished one may take it.
    const recordOnly = inPlaceFields(changed, "record only");
    if (drift === undefined && isTerminal(olds.status) && changed.length > replaces.length + recordOnly.length)
      throw finishedError(id, olds.status);
    if (replaces.length > 0 && news.allowRedial !== true) await this.guardAgainstRedial(id, olds, news, replaces);
    const driftKeys = drift ?? [];
    return {
      changed,
      replaces,
      drift: driftKeys,
      // A renewed digest alone is an update that records it and sends nothing.
      changes: changed.length + driftKeys.length > 0 || renewed,
      deleteBeforeReplace: replaces.length > 0,
    };
  }

  /**
   * Creates the campaign with one POST, or claims `adoptId` with one GET; never twice (see create.ts).
   * `paused: true` pauses it right after (1 more request).
   */
  async create(inputs: CampaignInputs): Promise<{ id: string; state: CampaignState }> {
    return createCampaign(this.api, this.clock, inputs);
  }

  /**
   * One GET. The name, call time window and pause come from the API, so a change made outside Pulumi
   * shows as drift that the next `up` puts back. Undefined when the campaign is gone (a 404 that
   * {@link confirmWrongKey} accepts). `state` of a campaign read by `Campaign.get` holds no inputs.
   */
  async read(id: string, state: CampaignState): Promise<CampaignState | undefined> {
    let campaign;
    try {
      campaign = withKnownOrganization(await this.api.get(id), state);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await this.confirmWrongKey(id, state);
      return undefined;
    }
    const recorded = inputsOfState(state);
    // A campaign read by `Campaign.get` has nothing recorded yet: every field comes from the campaign itself.
    const inputs = recorded.agentId === undefined ? readOnlyInputs(campaign) : recorded;
    // The name, window (declared or not: then the API's default, unless changed in vox.ai) and concurrency
    // the campaign has: a difference from the declaration is drift that the next `up` puts back.
    Object.assign(inputs, heldInputs(campaign));
    // A pause or resume made in vox.ai: taken into the outputs, so the next `up` puts the declared value back.
    const paused = observedPaused(campaign);
    if (paused !== undefined) inputs.paused = paused;
    this.refreshes.remember(id, state);
    return campaignOutputs(inputs, campaign);
  }

  /** Applies the in-place changes (see update.ts); a finished campaign is an error saying what to do. */
  async update(id: string, state: CampaignState, news: CampaignInputs): Promise<CampaignState> {
    const { recorded: olds, renewed } = renewRecordedDigest(state, news, taskKeys(this.api.settings));
    const changed = changedFields(olds, news, id);
    // Nothing vox.ai holds changed: a digest to record under the current key (a finished campaign's too), or only
    // what vox.ai does not hold (a suppression list that removes no task of this campaign): recorded, no request.
    const recordOnly = changed.length > 0 && changed.length === inPlaceFields(changed, "record only").length;
    if ((renewed && changed.length === 0) || recordOnly) return campaignOutputs(news, olds);
    try {
      return await updateCampaign(this.api, id, olds, news);
    } catch (error) {
      // The API never deletes a campaign: a 404 is most likely another organization's key (see confirmWrongKey).
      if (!isNotFound(error)) throw error;
      await this.confirmWrongKey(id, olds);
      throw new VoxError(
        "CAMPAIGN_GONE",
        `campaign ${id} was not found in vox.ai, although this API key sees its organization; ` +
          "check it in vox.ai; if it really is gone, `pulumi refresh` forgets it",
        { campaignId: id },
      );
    }
  }

  /**
   * Cancels the campaign so no further call is placed (the API has no delete: campaigns stay as history).
   * A finished campaign needs no call; one that finished meanwhile is success too. A 404 is "gone" only
   * when the key sees the campaign's organization: another organization's key must not forget a campaign
   * that keeps calling.
   */
  async delete(id: string, state: CampaignState): Promise<void> {
    if (isTerminal(state.status)) return;
    try {
      await this.api.act(id, "cancel");
    } catch (error) {
      if (isInvalidState(error)) return;
      if (!isNotFound(error)) throw error;
      await this.confirmWrongKey(id, state);
    }
  }

  /**
   * A new `adoptId` is read (one GET) at check, so that `pulumi preview` already says when the campaign
   * does not exist or differs from the declaration, instead of a green preview and a failed `up`; and
   * warns of every field the `up` after the adoption will change (adoption records the campaign as it is).
   * When it cannot be read (no key, no network), the warning says so and the create checks again.
   * Failures name `adoptId` as their property: an engine may print that property's value, which must
   * never be a number.
   */
  private async adoptPreview(olds: PreviousInputs, inputs: Record<string, unknown>): Promise<Pick<CheckResult, "failures" | "warnings">> {
    const id = inputs.adoptId;
    if (typeof id !== "string" || containsUnknown(inputs) || olds.adoptId === id) return { failures: [], warnings: [] };
    let campaign;
    try {
      campaign = await this.api.get(id);
    } catch (error) {
      if (!isNotFound(error)) {
        return {
          failures: [],
          warnings: [`adoptId: campaign ${id} could not be read (${messageOf(error)}); \`pulumi up\` checks it again`],
        };
      }
      const reason = `adoptId: no campaign ${id} exists for this API key; check the id, or remove adoptId to create one`;
      return { failures: [{ property: "adoptId", reason }], warnings: [] };
    }
    const failures = adoptMismatches(campaign, inputs).map((mismatch) => ({
      property: "adoptId",
      reason: `adoptId: campaign ${id} differs from this declaration: ${mismatch.text}; make the declaration match the campaign`,
    }));
    const declared = inputs as unknown as CampaignInputs;
    const changes = changedFields(adoptedInputs(declared, campaign), declared, id);
    if (failures.length > 0 || changes.length === 0) return { failures, warnings: [] };
    const adopted = adoptedInputs(declared, campaign) as unknown as Comparable;
    const list = changes.map((field) => `${field} from ${valueText(field, adopted[field])} to ${valueText(field, declared[field])}`);
    return {
      failures,
      warnings: [
        `adoptId: campaign ${id} is recorded as it is in vox.ai, and the \`pulumi up\` after this one changes its ` +
          `${list.join("; ")}. To leave the campaign as it is, declare these as it has them.`,
      ],
    };
  }

  private async guardAgainstRedial(id: string, olds: CampaignState, news: Comparable, replaces: string[]): Promise<void> {
    let campaign;
    try {
      campaign = await this.api.get(id);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      // A 404 may mean another organization's key rather than "gone": the same rule as refresh and destroy.
      await this.confirmWrongKey(id, olds);
      return;
    }
    const placed = campaign.completedCalls + campaign.failedCalls + campaign.activeConcurrency;
    if (placed === 0) return;
    const people = typeof news.taskCount === "number" ? news.taskCount : olds.taskCount;
    const suppressed = moreRemoved(olds.suppression, news.suppression);
    // Suppressing someone must not call everyone else again: say what stops the calls instead.
    const suppressedAdvice =
      suppressed > 0
        ? ` The suppression lists now take ${suppressed} more of its tasks out, but vox.ai cannot remove a task from a ` +
          "campaign: to keep them from being called, pause this campaign in vox.ai now, or cancel it (remove the resource) " +
          "and declare a new one for the people it has not called yet."
        : "";
    throw new VoxError(
      "REDIAL_GUARD",
      `changing ${replaces.join(", ")} replaces campaign ${id} ("${campaign.name}"), and the new ` +
        `campaign would call all ${people} people on its list again. The current campaign has already placed ` +
        `${placed} calls (${campaign.completedCalls} completed, ${campaign.failedCalls} failed, ` +
        `${campaign.activeConcurrency} in progress; status ${campaign.status}).${suppressedAdvice} ` +
        "To call them again, set `allowRedial: true` on this resource; otherwise revert the change.",
      { campaignId: id, fields: replaces, placedCalls: placed },
    );
  }

  /**
   * The API never deletes a campaign, so a 404 most likely means the API key belongs to another
   * organization (a staging key on a production stack). Acting on "gone" would be harmful: refresh would
   * drop the campaign and the next `up` create it again; destroy would forget a campaign that keeps
   * calling; a replace would create a second campaign in the wrong organization. So a 404 is accepted as
   * "gone" only when the key sees the campaign's own organization; otherwise this throws, naming where the
   * key came from. One list request, only after a 404.
   */
  private async confirmWrongKey(id: string, state: Pick<CampaignState, "organizationId">): Promise<void> {
    const newest = await this.api.newest();
    const advice =
      `Check the API key (${this.api.keySource}); after changing it in the stack config, run refresh and destroy with ` +
      "`--run-program` (they otherwise use the key stored with the stack's provider). If the campaign really is gone, " +
      "run `pulumi state delete` on this resource.";
    if (!newest) {
      throw new VoxError(
        "WRONG_ORGANIZATION",
        `campaign ${id} was not found, and this API key sees no campaign at all: it is probably another organization's key. ${advice}`,
        { campaignId: id },
      );
    }
    const expected = state.organizationId;
    if (expected && newest.organizationId && newest.organizationId !== expected) {
      throw new VoxError(
        "WRONG_ORGANIZATION",
        `campaign ${id} belongs to organization ${expected}, but this API key is for organization ${newest.organizationId}. ${advice}`,
        { campaignId: id },
      );
    }
  }
}

/** A preview without a key is otherwise green although it checked nothing that needs the API. */
const NO_KEY_WARNING =
  "vox:apiKey: no vox.ai API key is set, so this preview could not check with vox.ai whether an `adoptId` exists and " +
  "matches, or whether a replace would call people again; only the inputs themselves were checked. " +
  "Set `pulumi config set --secret vox:apiKey <key>` or VOX_API_KEY";

/**
 * A too long name that the user never wrote (the autoname: the resource name plus a suffix) is blamed on
 * the resource name, with how to set `name` instead.
 */
function blameResourceNameForAutoname(news: { name?: unknown; nameMarker?: unknown }): (failure: Failure) => Failure {
  const name = news.name;
  return (failure) => {
    if (failure.property !== "name" || typeof name !== "string" || !isAutonamed(news) || !/at most/.test(failure.reason)) return failure;
    const resourceName = name.slice(0, -7);
    return {
      property: "name",
      reason:
        `name: this campaign has no \`name\`, so it is named after its resource ("${resourceName}") plus a 7-character suffix, ` +
        `${name.length} characters in all; ${failure.reason.replace(/^name: /, "")}. Give the resource a shorter name, or set ` +
        '`name` on it (e.g. `name: "Renewal reminder"`)',
    };
  };
}

/** A value in a warning: windows as a review reads them, numbers masked. */
function valueText(field: FieldName, value: unknown): string {
  return field === "callTimeWindow" ? describeCallTimeWindow(value as never) : reviewText(field, value);
}

/**
 * The runtime's reading of the inputs create and update receive: every value checked again (a check at
 * preview let unknowns through; nothing unknown or invalid may reach the API), except an inline list whose
 * digest is the `tasksDigest` check recorded with it (the list check validated), with the list's size and
 * digest that check recorded for a `tasksFile`.
 *
 * @throws VoxError INVALID_INPUTS naming every failing field.
 */
export function checkedInputs(raw: Record<string, unknown>, keys: TaskKeys): CampaignInputs {
  requireSeal(keys, "a create or update");
  const unknown = FIELD_NAMES.filter((field) => containsUnknown(raw[field]));
  // The inputs check returned: a list whose digest is the one check recorded is not validated task by task again.
  const { inputs, failures } = validateCampaignRequest(raw, { now: Number.NEGATIVE_INFINITY, keys, checkedTasksDigest: raw.tasksDigest });
  const reasons = [
    ...unknown.map((field) => `${field}: is not known yet; values must be known when the campaign is created or updated`),
    ...failures.map((f) => f.reason),
  ];
  if (reasons.length > 0) throw invalidInputs(reasons);
  if (inputs.tasks === undefined) Object.assign(inputs, { taskCount: raw.taskCount, tasksDigest: raw.tasksDigest });
  if (raw.suppression !== undefined) inputs.suppression = raw.suppression;
  return inputs as unknown as CampaignInputs;
}

/** The inputs of a campaign read by `Campaign.get`: its own fields, those it has. */
function readOnlyInputs(campaign: ObservedCampaign): Omit<CampaignInputs, "tasks"> {
  const { name, agentId, agentVersion, callFrom, presentationNumber, concurrency, callTimeWindow, scheduledAt, paused } = campaign;
  const fields = { name, agentId, agentVersion, callFrom, presentationNumber, concurrency, callTimeWindow, scheduledAt, paused };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null)) as unknown as Omit<CampaignInputs, "tasks">;
}

/**
 * What a refresh read replaced, kept for the diff that follows it in the same provider process.
 *
 * During a refresh the engine asks diff(refreshed outputs, inputs in state) whether anything drifted.
 * The inputs hold no status, so without this memory a campaign that finished, or was canceled behind
 * the stack's back, would refresh as "unchanged". An entry is used once, so the diff of a following `up`
 * compares only what the program declares.
 *
 * The invariant this relies on: the engine's refresh step (pkg/resource/deploy/step.go,
 * `RefreshStep.Apply`, Pulumi 3.248) calls Read and then, in the same step and against the same
 * provider process, Diff for that resource. So the entry never waits across processes or steps; it
 * holds for `pulumi refresh`, `pulumi up --refresh` and `--run-program` alike (test/e2e covers them).
 * Only the engine's opt-in legacy refresh diff skips the Diff; an entry left then is taken by the next
 * diff of the same campaign in that process and shows the refreshed drift once more, never a replace.
 */
export class RefreshMemory {
  private readonly beforeRefresh = new Map<string, Map<(typeof DRIFT_KEYS)[number], unknown>>();

  remember(id: string, before: CampaignState): void {
    this.beforeRefresh.set(id, new Map(DRIFT_KEYS.map((key) => [key, before[key] ?? null])));
  }

  /** The observed fields that a refresh just changed when this diff follows its read; undefined for any other diff. */
  take(id: string, refreshed: CampaignState): string[] | undefined {
    const before = this.beforeRefresh.get(id);
    if (!before) return undefined;
    this.beforeRefresh.delete(id);
    return DRIFT_KEYS.filter((key) => before.get(key) !== (refreshed[key] ?? null));
  }
}
