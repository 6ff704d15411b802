/**
 * The field table: every input of `vox.Campaign` and its rules, in one place. Diff, update, create,
 * adopt, `pulumi-vox explain` and the README's inputs table all read their rules from here.
 */
import { jsonEqual } from "../values/json";
import { maskNumber } from "../values/phone";
import { containsUnknown } from "../values/unknown";
import { API_DEFAULT_CALL_TIME_WINDOW } from "../values/window";
import type { CampaignArgs } from "./args";
import type { ObservedCampaign } from "./observed";

/** An input of `vox.Campaign`. */
export type FieldName = keyof CampaignArgs;

/** What changing a field does to the campaign: PATCH it, replace it, or nothing at all. */
export type ChangeRule = "in place" | "replace" | "nothing";

/**
 * How an in-place change reaches the campaign: sent in the PATCH body, or by the pause and resume
 * actions (POST …/pause, POST …/resume), which the API keeps apart from PATCH; or, for what vox.ai does not
 * hold, only recorded in state (no request).
 */
export type ApplyKind = "patch" | "pause or resume" | "record only";

/** How a review (`pulumi-vox explain`) shows a change: the values, the values masked, a line of its own, or not at all. */
export type ReviewStyle = "value" | "masked" | "own line" | "not shown";

/** Values compared by {@link changedFields}: normalized inputs or outputs, possibly holding preview unknowns. */
export type Comparable = { readonly [K in FieldName]?: unknown } & {
  readonly tasksDigest?: unknown;
  readonly taskCount?: unknown;
  readonly suppression?: unknown;
};

export interface FieldRule {
  /** What a change does. */
  onChange: ChangeRule;
  /** The "on change" column of the README's inputs table, when more needs saying than {@link onChange}. */
  onChangeText?: string;
  /** How an in-place change is applied; `patch` when not said. */
  apply?: ApplyKind;
  /**
   * What leaving the field out of a later declaration means: `default` compares (and sends) the default;
   * `keep` is no change, because what the campaign already has stays (a start time already decided).
   */
  whenLeftOut: "default" | "keep";
  /** Outputs hold null when the field is left out, so that the resource's output exists and reads "none". */
  nullInOutputs?: true;
  /**
   * Outputs hold what the campaign really has when the field is left out (the API's default, or a change
   * made in vox.ai), never null: refresh then shows a change made outside Pulumi as drift.
   */
  observedWhenLeftOut?: true;
  /**
   * What an in-place field sends when it is left out: the API cannot unset it. A left-out (or null) value
   * compares as this too, so a campaign holding it shows no change and one holding anything else does.
   */
  sentWhenLeftOut?: unknown;
  /** An adopted campaign (`adoptId`) must have the declared value (the campaign's field of the same name). */
  adoptMustMatch?: true;
  review: ReviewStyle;
  /** When "changed?" is not a comparison of the field's own values. */
  changed?: (olds: Comparable, news: Comparable, id: string | undefined) => boolean;
}

/** Inputs that only the compliance policy pack reads (docs/compliance.md): they change nothing in vox.ai. */
const POLICY_ONLY = {
  onChange: "nothing",
  onChangeText: "nothing: read by the compliance policy pack, sent to no API",
  whenLeftOut: "default",
  review: "not shown",
} as const satisfies FieldRule;

/** Each input's rules. Typed by CampaignArgs' keys, so a field added or renamed there fails to compile here. */
export const FIELDS = {
  name: { onChange: "in place", whenLeftOut: "default", review: "value" },
  exactName: {
    onChange: "nothing",
    onChangeText: "the name changes in place (the marker is added or removed)",
    whenLeftOut: "default",
    review: "not shown",
  },
  agentId: { onChange: "replace", whenLeftOut: "default", adoptMustMatch: true, review: "value" },
  agentVersion: {
    onChange: "replace",
    whenLeftOut: "default",
    adoptMustMatch: true,
    review: "value",
  },
  callFrom: { onChange: "replace", whenLeftOut: "default", adoptMustMatch: true, review: "masked" },
  presentationNumber: {
    onChange: "replace",
    whenLeftOut: "default",
    nullInOutputs: true,
    adoptMustMatch: true,
    review: "masked",
  },
  scheduledAt: {
    onChange: "replace",
    onChangeText: "replace; leaving it out later changes nothing",
    whenLeftOut: "keep",
    nullInOutputs: true,
    review: "value",
  },
  concurrency: { onChange: "replace", whenLeftOut: "default", adoptMustMatch: true, review: "value" },
  callTimeWindow: {
    onChange: "in place",
    onChangeText: "in place (paused and resumed around the change while running); left out, the API default is sent",
    whenLeftOut: "default",
    observedWhenLeftOut: true,
    sentWhenLeftOut: API_DEFAULT_CALL_TIME_WINDOW,
    review: "own line",
  },
  tasks: {
    onChange: "replace",
    onChangeText: "replace (compared by `tasksDigest`, so the same list from `tasksFile` is no change)",
    whenLeftOut: "default",
    review: "own line",
    // The digest stands for the list: a list moved into a file is no change, and the secret list is never compared in clear.
    changed: (olds, news) => containsUnknown(news.tasks) || containsUnknown(news.tasksFile) || differs(olds.tasksDigest, news.tasksDigest),
  },
  tasksFile: {
    onChange: "nothing",
    onChangeText: "replace when the list's content changes (as `tasks`); a moved file with the same content changes nothing",
    whenLeftOut: "default",
    review: "not shown",
  },
  adoptId: {
    onChange: "replace",
    onChangeText: "replace when it names another campaign than the one managed",
    whenLeftOut: "keep",
    review: "value",
    // Adopting the campaign the resource already manages is no change; adopting another one is.
    changed: (olds, news, id) => differs(id ?? olds.adoptId, news.adoptId),
  },
  allowRedial: { onChange: "nothing", whenLeftOut: "default", review: "not shown" },
  paused: {
    onChange: "in place",
    onChangeText: "in place, by a pause or resume request (never a PATCH)",
    apply: "pause or resume",
    whenLeftOut: "default",
    review: "own line",
  },
  purpose: POLICY_ONLY,
  nightCallConsent: POLICY_ONLY,
  doNotCallCheckedAt: POLICY_ONLY,
  suppressionLists: {
    onChange: "in place",
    onChangeText:
      "a list change that removes a task of this campaign replaces it (as a `tasks` change: `tasksDigest` counts what is left); " +
      "any other change (a list's size or digest) is recorded in state, sending nothing",
    apply: "record only",
    whenLeftOut: "default",
    review: "own line",
    // What the lists are (path, size, keyed digest, removals) stands for them; a digest missing on one side (no API key) is not compared.
    changed: (olds, news) => containsUnknown(news.suppressionLists) || suppressionDiffers(olds.suppression, news.suppression),
  },
} as const satisfies { [K in keyof Required<CampaignArgs>]: FieldRule };

export const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

/** Inputs that check works out from the task list; never declared. */
export const DERIVED_INPUTS = ["taskCount", "tasksDigest", "suppression"] as const;

const rule = (field: FieldName): FieldRule => FIELDS[field];

/** Two `suppression` records differ in a list's path, format, size or removals, or in a digest both have. */
function suppressionDiffers(olds: unknown, news: unknown): boolean {
  if (containsUnknown(news) || !Array.isArray(olds) || !Array.isArray(news)) return differs(olds ?? [], news ?? []);
  const withoutMissingDigests = (list: unknown[], other: unknown[]) =>
    list.map((summary, i) => {
      const theirs = (other[i] as { digest?: unknown } | undefined)?.digest;
      return theirs === null || theirs === undefined ? { ...(summary as object), digest: null } : summary;
    });
  return differs(withoutMissingDigests(olds, news), withoutMissingDigests(news, olds));
}

/** Unknown values (a preview of an output not known yet) differ from everything. */
function differs(a: unknown, b: unknown): boolean {
  return containsUnknown(a) || containsUnknown(b) || !jsonEqual(a, b);
}

/**
 * The fields whose change does something to the campaign (in place or replace), comparing old
 * inputs or outputs with new inputs. `id` is the campaign the resource manages, when there is one.
 * The one "changed?" of diff, update and explain.
 */
export function changedFields(olds: Comparable, news: Comparable, id?: string): FieldName[] {
  return FIELD_NAMES.filter((field) => {
    const { onChange, whenLeftOut, changed } = rule(field);
    if (onChange === "nothing") return false;
    if (whenLeftOut === "keep" && news[field] === undefined) return false;
    return changed ? changed(olds, news, id) : differs(effectiveValue(field, olds[field]), effectiveValue(field, news[field]));
  });
}

/** A value as the campaign has it: a left-out (or null) field is what the API holds then (`sentWhenLeftOut`). */
export function effectiveValue(field: FieldName, value: unknown): unknown {
  return value ?? rule(field).sentWhenLeftOut ?? value;
}

/** The fields of `fields` whose change replaces the campaign. */
export function replacingFields(fields: FieldName[]): FieldName[] {
  return fields.filter((field) => rule(field).onChange === "replace");
}

/** The fields of `fields` that change in place and are applied as `apply` says (PATCH, or pause/resume). */
export function inPlaceFields(fields: FieldName[], apply: ApplyKind): FieldName[] {
  return fields.filter((field) => rule(field).onChange === "in place" && (rule(field).apply ?? "patch") === apply);
}

/** The "on change" text of the README's inputs table. */
export function onChangeText(field: FieldName): string {
  return rule(field).onChangeText ?? rule(field).onChange;
}

/**
 * How the fields in which an adopted campaign differs from its declaration read in a message, e.g.
 * `concurrency is 5 in vox.ai, declared 3`; numbers masked as a review shows them.
 */
export function adoptMismatches(campaign: ObservedCampaign, declared: Comparable): { field: FieldName; text: string }[] {
  return FIELD_NAMES.flatMap((field) => {
    if (!rule(field).adoptMustMatch || !(field in campaign)) return [];
    const actual = campaign[field as keyof ObservedCampaign];
    if (!differs(actual, declared[field] ?? null)) return [];
    return [{ field, text: `${field} is ${reviewText(field, actual)} in vox.ai, declared ${reviewText(field, declared[field])}` }];
  });
}

/** A value as a review or message may show it: masked for caller numbers, "(none)" when absent. */
export function reviewText(field: FieldName, value: unknown): string {
  if (value === undefined || value === null) return "(none)";
  if (containsUnknown(value)) return "(not known yet)";
  if (rule(field).review === "masked") return maskNumber(String(value));
  return typeof value === "string" ? `"${value}"` : String(value);
}

/** Fields whose outputs hold null when they are left out. */
export const NULL_IN_OUTPUTS = FIELD_NAMES.filter((field): field is NullInOutputs => rule(field).nullInOutputs === true);

/** The names of those fields, as a type: what CampaignState holds as `T | null`. */
export type NullInOutputs = { [K in FieldName]: (typeof FIELDS)[K] extends { nullInOutputs: true } ? K : never }[FieldName];

/** Fields whose outputs hold what the campaign has when they are left out. */
export const OBSERVED_WHEN_LEFT_OUT = FIELD_NAMES.filter((field): field is ObservedWhenLeftOut => rule(field).observedWhenLeftOut === true);

/** The names of those fields, as a type: each must be a field the API reports (ObservedCampaign's). */
export type ObservedWhenLeftOut = {
  [K in FieldName]: (typeof FIELDS)[K] extends { observedWhenLeftOut: true } ? K : never;
}[FieldName];

/** Fields a review shows with their values (masked ones with masked values), in table order. */
export function reviewedFields(style: ReviewStyle): FieldName[] {
  return FIELD_NAMES.filter((field) => rule(field).review === style);
}
