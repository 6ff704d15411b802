import type * as pulumi from "@pulumi/pulumi";

/** A day in the API's spelling; `Mon`…`Sun` and any letter case are accepted too. */
export type DayName = "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday" | string;

/** A weekly window in which the campaign may call, in minutes after local midnight. */
export interface MinuteWindowArgs {
  /** Days the window applies to, e.g. `["Monday", "Tuesday"]`; at least one, each once. */
  days: pulumi.Input<pulumi.Input<DayName>[]>;
  /** Start, in minutes after local midnight (0–1439); `540` is 09:00. */
  startMin: pulumi.Input<number>;
  /** End, in minutes after local midnight (1–1440), later than the start; `720` is 12:00. */
  endMin: pulumi.Input<number>;
}

/** A weekly window in which the campaign may call, as clock times. */
export interface ClockWindowArgs {
  /** Days the window applies to, e.g. `["Monday", "Tuesday"]`; at least one, each once. */
  days: pulumi.Input<pulumi.Input<DayName>[]>;
  /** Start as `"HH:MM"` local time, e.g. `"09:00"`. */
  start: pulumi.Input<string>;
  /** End as `"HH:MM"` local time, later than the start; `"24:00"` is midnight. Windows cannot cross midnight. */
  end: pulumi.Input<string>;
}

/** When the campaign may call. Without it the API calls 08:00–20:00 every day. */
export interface CallTimeWindowArgs {
  /** At least one window. Several windows may name the same day (e.g. a morning and an evening window). */
  windows: pulumi.Input<pulumi.Input<MinuteWindowArgs | ClockWindowArgs>[]>;
  /** IANA time zone the windows are read in. Default `Asia/Seoul`. */
  timezone?: pulumi.Input<string>;
  /** Resume by itself when a window opens after the campaign was paused outside the windows. Default `true`. */
  autoResume?: pulumi.Input<boolean>;
}

/** One person to call. */
export interface TaskArgs {
  /** The callee's Korean number: `01012345678`; hyphens, spaces and `+82` are accepted and normalized. */
  callTo: pulumi.Input<string>;
  /** Values for the agent's prompt variables, e.g. `{ customerName: "김민수" }`. Strings only. */
  dynamicVariables?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Free-form data kept with the call for your own tracking. */
  metadata?: pulumi.Input<Record<string, unknown>>;
  /** Caller id shown for this task only (beats the campaign's `presentationNumber` and `callFrom`). */
  presentationNumber?: pulumi.Input<string>;
}

/** A call window as state keeps it and previews show it: days in Monday…Sunday order, times as `"HH:MM"`. */
export interface CampaignWindow {
  /** Days in the API's spelling, Monday first. */
  days: string[];
  /** Start, `"HH:MM"` local time. */
  start: string;
  /** End, `"HH:MM"` local time; `"24:00"` is midnight. */
  end: string;
}

/** The normalized call time window. */
export interface CampaignCallTimeWindow {
  /** The windows, as declared (normalized). */
  windows: CampaignWindow[];
  /** IANA time zone the windows are read in. */
  timezone: string;
  /** Whether the campaign resumes by itself when a window opens. */
  autoResume: boolean;
}

/** Any JSON value: what `metadata` may hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A normalized task (numbers as digits). */
export interface CampaignTask {
  /** The callee's number, digits only. */
  callTo: string;
  /** Values for the agent's prompt variables. */
  dynamicVariables?: Record<string, string>;
  /** Free-form data kept with the call. */
  metadata?: Record<string, JsonValue>;
  /** Caller id shown for this task only, digits only. */
  presentationNumber?: string;
}

/** The inputs of a `vox.Campaign`. */
export interface CampaignArgs {
  /**
   * Campaign name shown in vox.ai, 1–255 characters with the marker. The campaign is named `<name> [<marker>]`
   * (`Spring promo [1a2b3c]`), the marker being 6 hex digits stable for this project, stack and resource, by
   * which an interrupted create recognises its campaign and never another stack's. Left out: the resource
   * name plus the marker (`renewal-reminder-1a2b3c`). Changes in place.
   */
  name?: pulumi.Input<string>;
  /**
   * Send `name` exactly as written, without the marker. Default `false`. Such a name identifies nothing (another
   * stack or resource may use it), so after an interrupted create, or with another stack's unfinished campaign of
   * the same name and declaration, `pulumi up` stops and asks to set `adoptId`. Changing it renames the campaign (the name field changes).
   */
  exactName?: pulumi.Input<boolean>;
  /** UUID of the vox.ai agent that makes the calls. Changing it replaces the campaign. */
  agentId: pulumi.Input<string>;
  /** Agent version: `production` (default), `current`, or `v<N>` such as `v3`. Changing it replaces the campaign. */
  agentVersion?: pulumi.Input<string>;
  /** The number calls are made from (digits; hyphens accepted). Changing it replaces the campaign. */
  callFrom: pulumi.Input<string>;
  /** Default caller id shown to callees; must be approved for your organization. Changing it replaces the campaign. */
  presentationNumber?: pulumi.Input<string>;
  /**
   * When to start, as an ISO-8601 string with a UTC offset (`2026-12-01T09:00:00+09:00`) or a Date; must be in
   * the future. Without it the campaign starts at once.
   * Changing it replaces the campaign; leaving it out later changes nothing.
   */
  scheduledAt?: pulumi.Input<string | Date>;
  /** Calls at once, 1–100. Default 5. Changing it replaces the campaign. */
  concurrency?: pulumi.Input<number>;
  /** When the campaign may call. Changes in place (the campaign is paused and resumed around the change if running). */
  callTimeWindow?: pulumi.Input<CallTimeWindowArgs>;
  /**
   * The people to call, 1–10,000. Kept secret in state; `taskCount` and `tasksDigest` stay readable.
   * Any change replaces the campaign (see `allowRedial`). Give either `tasks` or `tasksFile`.
   */
  tasks?: pulumi.Input<pulumi.Input<TaskArgs>[]>;
  /**
   * Path of a CSV or JSON contact list to read the tasks from, instead of `tasks`: state then keeps only the
   * path, `taskCount` and `tasksDigest`, never the numbers. Relative paths are read from the program's directory.
   * Give `{ path, phoneColumn, encoding, … }` to read a CSV whose columns are named otherwise.
   */
  tasksFile?: pulumi.Input<string | TasksFileArgs>;
  /**
   * Claim the existing campaign with this id instead of creating one (`pulumi import` does not work for
   * dynamic resources). Its agent, caller number and concurrency must match the declaration.
   */
  adoptId?: pulumi.Input<string>;
  /**
   * Allow a replace of a campaign that has already placed calls. A replace cancels the campaign and creates
   * a new one that calls everyone on its list again. Default `false`: such a replace fails with an error.
   */
  allowRedial?: pulumi.Input<boolean>;
  /**
   * `true` pauses the campaign (POST …/pause): no new calls are placed, calls in progress finish. `false`
   * (default) resumes a campaign paused by a user; one paused by the system outside its call windows is
   * left to its windows. Changes in place. A pause or resume made in vox.ai shows as drift on refresh and
   * the next `up` puts the declared value back (add `ignoreChanges: ["paused"]` to leave pausing to vox.ai).
   * A new campaign with `paused: true` is created and then paused at once: while a call window is open it
   * may place up to `concurrency` calls in that instant.
   */
  paused?: pulumi.Input<boolean>;
  /**
   * What the campaign is for, e.g. `telemarketing` (advertising or sales calls, which 두낫콜 applies to) or
   * `informational`. Read by the compliance policy pack (docs/compliance.md); sent to no API. Changing it changes nothing in vox.ai.
   */
  purpose?: pulumi.Input<string>;
  /**
   * Every callee gave separate prior consent to advertising calls at night (21:00–08:00, 정보통신망법 제50조).
   * Read by the compliance policy pack, which otherwise refuses night windows; sent to no API. Changing it changes nothing in vox.ai.
   */
  nightCallConsent?: pulumi.Input<boolean>;
  /**
   * The date (`YYYY-MM-DD`, Korean date) the task list was last checked against 두낫콜, the do-not-call register.
   * Read by the compliance policy pack for telemarketing campaigns; sent to no API. Changing it changes nothing in vox.ai.
   */
  doNotCallCheckedAt?: pulumi.Input<string>;
  /**
   * Suppression lists (opt-outs, 두낫콜 matches): tasks whose number is on any of them are removed at check,
   * before anything is sent. Each is a `.csv` of numbers (a `phone` column) or a `.sha256` hashed list
   * (docs/compliance.md); relative paths are read from the program's directory. State keeps each list's
   * path, size, keyed digest and how many tasks it removed, never its numbers. A list change that removes
   * a task of this campaign replaces it (see `allowRedial`); any other list change is recorded in place, sending nothing.
   */
  suppressionLists?: pulumi.Input<pulumi.Input<string | SuppressionListArgs>[]>;
}

/** How a suppression list is written: a CSV of numbers, or one SHA-256 of a normalized number per line. */
export type SuppressionFormat = "csv" | "sha256";

/** A suppression list and how to read it: `{ path: "dnc/optout.csv", phoneColumn: "휴대폰", encoding: "cp949" }`. */
export interface SuppressionListArgs {
  /** The list: a `.csv` (a header row, numbers in `phoneColumn`) or a `.sha256` hashed list (docs/compliance.md). */
  path: string;
  /** `csv` or `sha256`; by default the file's extension says (`.csv`, `.sha256`). */
  format?: SuppressionFormat;
  /** The CSV column holding the numbers. Default `phone`. */
  phoneColumn?: string;
  /** `auto` (default: UTF-8 when the bytes are valid UTF-8, else CP949), `utf-8`, `cp949` or `euc-kr`. */
  encoding?: "auto" | "utf-8" | "cp949" | "euc-kr";
  /** The CSV field separator, one character. Default `,`. */
  delimiter?: string;
}

/** A contact list and how to read it: `{ path: "contacts.csv", phoneColumn: "휴대폰", encoding: "cp949" }`. */
export interface TasksFileArgs {
  /** The CSV or JSON file; relative paths as for a plain `tasksFile`. */
  path: string;
  /** The CSV column holding the number to call. Default `phone`. */
  phoneColumn?: string;
  /** The CSV column holding a per-row caller id. Default `caller_id`. */
  callerIdColumn?: string;
  /** CSV columns named `<prefix><key>` become `dynamicVariables[key]`. Default `var.`. */
  variablePrefix?: string;
  /** CSV columns named `<prefix><key>` become `metadata[key]`. Default `meta.`. */
  metadataPrefix?: string;
  /** `auto` (default: UTF-8 when the bytes are valid UTF-8, else CP949), `utf-8`, `cp949` or `euc-kr`. */
  encoding?: "auto" | "utf-8" | "cp949" | "euc-kr";
  /** The CSV field separator, one character. Default `,`. */
  delimiter?: string;
}

/**
 * The inputs as check normalized them (phone numbers as digits, windows as `"HH:MM"`, defaults filled): the
 * output of the zod schema, written out here so that users' compilers never read zod's typings (schema.ts
 * holds the two the same). Each field is the {@link CampaignArgs} field of the same name.
 */
export interface NormalizedCampaignInputs {
  /** See {@link CampaignArgs.name}; always set (the autoname when left out), with the marker unless `exactName`. */
  name: string;
  /** See {@link CampaignArgs.exactName}. */
  exactName: boolean;
  /** See {@link CampaignArgs.agentId}. */
  agentId: string;
  /** See {@link CampaignArgs.agentVersion}. */
  agentVersion: string;
  /** See {@link CampaignArgs.callFrom}; digits only. */
  callFrom: string;
  /** See {@link CampaignArgs.presentationNumber}; digits only. */
  presentationNumber?: string;
  /** See {@link CampaignArgs.scheduledAt}; ISO-8601. */
  scheduledAt?: string;
  /** See {@link CampaignArgs.concurrency}. */
  concurrency: number;
  /** See {@link CampaignArgs.callTimeWindow}. */
  callTimeWindow?: CampaignCallTimeWindow;
  /** See {@link CampaignArgs.tasks}. */
  tasks?: CampaignTask[];
  /** See {@link CampaignArgs.tasksFile}; its path absolute. */
  tasksFile?: string | TasksFileArgs;
  /** See {@link CampaignArgs.adoptId}. */
  adoptId?: string;
  /** See {@link CampaignArgs.allowRedial}. */
  allowRedial: boolean;
  /** See {@link CampaignArgs.paused}. */
  paused: boolean;
  /** See {@link CampaignArgs.purpose}. */
  purpose?: string;
  /** See {@link CampaignArgs.nightCallConsent}. */
  nightCallConsent?: boolean;
  /** See {@link CampaignArgs.doNotCallCheckedAt}. */
  doNotCallCheckedAt?: string;
  /** See {@link CampaignArgs.suppressionLists}; paths absolute (the dynamic door) or relative to the program's directory. */
  suppressionLists?: (string | SuppressionListArgs)[];
}
