import { z } from "zod";
import { normalizeKoreanNumber } from "../values/phone";
import {
  DAYS,
  DEFAULT_TIMEZONE,
  Day,
  formatClock,
  isKnownTimeZone,
  isValidMinuteOfDay,
  parseClock,
  parseDay,
  sortDays,
} from "../values/window";
import type * as pulumi from "@pulumi/pulumi";
import type { CampaignArgs, CampaignCallTimeWindow, CampaignTask, CampaignWindow, NormalizedCampaignInputs } from "./args";
import type { FieldName } from "./fields";

/** Limits of the campaign API (see docs/vox-api.md). */
export const LIMITS = {
  nameMaxLength: 255,
  concurrencyMin: 1,
  concurrencyMax: 100,
  tasksMax: 10_000,
  /** The largest request body the API accepts (ASSUMED, docs/vox-api.md; the emulator answers 413 above it). */
  requestBodyMaxBytes: 16 * 1024 * 1024,
} as const;

export const DEFAULTS = {
  agentVersion: "production",
  concurrency: 5,
  timezone: DEFAULT_TIMEZONE,
  autoResume: true,
  allowRedial: false,
  paused: false,
  exactName: false,
} as const;

const AGENT_VERSION = /^(production|current|v[1-9]\d*)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const phoneNumber = z.string({ error: "must be a phone number written as a string" }).transform((value, ctx) => {
  const result = normalizeKoreanNumber(value);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: result.reason });
    return z.NEVER;
  }
  return result.digits;
});

const day = z.string({ error: `must be a day name, one of ${DAYS.join(", ")}` }).transform((value, ctx) => {
  const parsed = parseDay(value);
  if (!parsed) {
    ctx.addIssue({ code: "custom", message: `"${value}" is not a day; use one of ${DAYS.join(", ")} (or Mon…Sun)` });
    return z.NEVER;
  }
  return parsed;
});

const minuteOfDay = z
  .number({ error: "must be a whole number of minutes after midnight (0–1440)" })
  .refine(isValidMinuteOfDay, { error: "must be a whole number of minutes after midnight (0–1440)" });

const clock = z.string({ error: 'must be a time of day such as "09:00"' }).transform((value, ctx) => {
  const minutes = parseClock(value);
  if (minutes === undefined) {
    ctx.addIssue({ code: "custom", message: `"${value}" is not a time of day; use HH:MM from 00:00 to 24:00` });
    return z.NEVER;
  }
  return minutes;
});

/** A window in either spelling: minutes (`startMin`/`endMin`) or clock times (`start`/`end`). */
const windowObject = z
  .object({
    days: z.array(day, { error: "must be a list of day names" }).min(1, { error: "must name at least one day" }),
    startMin: minuteOfDay.optional(),
    endMin: minuteOfDay.optional(),
    start: clock.optional(),
    end: clock.optional(),
  })
  .strict();

const windowSchema = windowObject.transform((w, ctx) => {
  const startMin = pickOne(ctx, w.startMin, w.start, "startMin", "start");
  const endMin = pickOne(ctx, w.endMin, w.end, "endMin", "end");
  const duplicate = w.days.find((d, i) => w.days.indexOf(d) !== i);
  if (duplicate) {
    ctx.addIssue({ code: "custom", path: ["days"], message: `names ${duplicate} twice; list each day once` });
  }
  if (startMin !== undefined && endMin !== undefined && startMin >= endMin) {
    ctx.addIssue({
      code: "custom",
      path: [w.end !== undefined ? "end" : "endMin"],
      message:
        startMin > endMin
          ? `must be later than the start; windows cannot cross midnight: split ${formatClock(startMin)}–${formatClock(endMin)} in two, ` +
            `${formatClock(startMin)}–24:00 on these days and 00:00–${formatClock(endMin)} on the next day (list the following days in that window)`
          : "must be later than the start",
    });
  }
  if (startMin === undefined || endMin === undefined || duplicate) return z.NEVER;
  // Kept and previewed as clock times, the way people write them; minutes exist only on the wire.
  const window: CampaignWindow = { days: sortDays(w.days as Day[]), start: formatClock(startMin), end: formatClock(endMin) };
  return window;
});

function pickOne(
  ctx: z.RefinementCtx,
  minutes: number | undefined,
  clockMinutes: number | undefined,
  minutesKey: string,
  clockKey: string,
): number | undefined {
  if (minutes !== undefined && clockMinutes !== undefined) {
    ctx.addIssue({ code: "custom", path: [clockKey], message: `give either ${minutesKey} or ${clockKey}, not both` });
    return undefined;
  }
  if (minutes === undefined && clockMinutes === undefined) {
    ctx.addIssue({ code: "custom", path: [minutesKey], message: `is required (or ${clockKey} as "HH:MM")` });
    return undefined;
  }
  return minutes ?? clockMinutes;
}

export const callTimeWindowSchema = z
  .object({
    windows: z.array(windowSchema, { error: "must be a list of windows" }).min(1, { error: "must hold at least one window" }),
    timezone: z
      .string({ error: "must be an IANA time zone name such as Asia/Seoul" })
      .refine(isKnownTimeZone, { error: "is not a known IANA time zone (e.g. Asia/Seoul)" })
      .default(DEFAULTS.timezone),
    autoResume: z.boolean({ error: "must be true or false" }).default(DEFAULTS.autoResume),
  })
  .strict();

const stringMap = z.record(z.string(), z.string({ error: "must be a string" }), { error: "must be an object of strings" });

export const taskSchema = z
  .object({
    callTo: phoneNumber,
    dynamicVariables: stringMap.optional(),
    metadata: z.record(z.string(), z.json(), { error: "must be an object" }).optional(),
    presentationNumber: phoneNumber.optional(),
  })
  .strict();

/** The list limits of `tasks`, for any item schema: validate.ts checks them before looking at items. */
export function taskList<T extends z.ZodType>(item: T) {
  return z
    .array(item, { error: "must be a list of tasks" })
    .min(1, { error: "must hold at least one task" })
    .max(LIMITS.tasksMax, { error: `holds more than ${LIMITS.tasksMax} tasks, the most one campaign accepts` });
}

const filePath = z.string({ error: "must be a file path" }).min(1, { error: "must not be empty" });
const columnName = z.string({ error: "must be a column name" }).min(1, { error: "must not be empty" });

/** `tasksFile` with how to read it: the options of tasksFromCsv (encoding alone for JSON lists). */
const tasksFileObject = z
  .object({
    path: filePath,
    phoneColumn: columnName.optional(),
    callerIdColumn: columnName.optional(),
    variablePrefix: columnName.optional(),
    metadataPrefix: columnName.optional(),
    encoding: z.enum(["auto", "utf-8", "cp949", "euc-kr"], { error: 'must be "auto", "utf-8", "cp949" or "euc-kr"' }).optional(),
    delimiter: z.string({ error: "must be one character" }).length(1, { error: "must be one character" }).optional(),
  })
  .strict();

/** A `suppressionLists` entry with how to read it. */
const suppressionListObject = z
  .object({
    path: filePath,
    format: z.enum(["csv", "sha256"], { error: 'must be "csv" or "sha256"' }).optional(),
    phoneColumn: columnName.optional(),
    encoding: z.enum(["auto", "utf-8", "cp949", "euc-kr"], { error: 'must be "auto", "utf-8", "cp949" or "euc-kr"' }).optional(),
    delimiter: z.string({ error: "must be one character" }).length(1, { error: "must be one character" }).optional(),
  })
  .strict();

const ISO_EXAMPLE = "2026-12-01T09:00:00+09:00";

/**
 * An ISO-8601 time with its UTC offset (`+09:00` or `Z`), checked against the calendar: `Date.parse`
 * alone rolls 30 February over into March and reads a time without an offset in the machine's zone.
 */
const isoTime = z.string({ error: `must be an ISO-8601 time such as ${ISO_EXAMPLE}` }).transform((value, ctx) => {
  const problem = isoTimeProblem(value);
  if (problem) {
    ctx.addIssue({ code: "custom", message: `"${value}" ${problem}` });
    return z.NEVER;
  }
  return new Date(Date.parse(value)).toISOString();
});

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))?$/;

/** What is wrong with an ISO-8601 time, or undefined when it names one real instant. */
function isoTimeProblem(value: string): string | undefined {
  const match = ISO_TIME.exec(value);
  if (!match) return `is not an ISO-8601 time such as ${ISO_EXAMPLE}`;
  const [, year, month, day, hour, minute, second = "0", offset, offsetHours, offsetMinutes] = match;
  if (offset === undefined) {
    return `has no UTC offset, so it could mean any time zone's ${hour}:${minute}; add one, e.g. ${ISO_EXAMPLE} (Korean time) or Z for UTC`;
  }
  const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  if (Number(month) < 1 || Number(month) > 12) return `has no month ${month}`;
  if (Number(day) < 1 || Number(day) > daysInMonth) return `is not a date: ${year}-${month} has ${daysInMonth} days`;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return `is not a time of day: use 00:00:00 to 23:59:59`;
  if (offsetHours !== undefined && (Number(offsetHours) > 14 || Number(offsetMinutes) > 59)) return `has no such UTC offset: ${offset}`;
  return undefined;
}

/** `YYYY-MM-DD` naming a day of the calendar (not 2026-02-30). */
function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/**
 * One schema per input field. `check` validates field by field so that a field holding a preview-time
 * unknown can pass through untouched while every known field is still validated and normalized.
 */
export const fieldSchemas = {
  name: z
    .string({ error: "must be a string" })
    .min(1, { error: "must not be empty" })
    .max(LIMITS.nameMaxLength, { error: `must be at most ${LIMITS.nameMaxLength} characters` })
    .refine((v) => v.trim().length > 0, { error: "must not be only whitespace" }),
  exactName: z.boolean({ error: "must be true or false" }).default(DEFAULTS.exactName),
  agentId: z.string({ error: "is required: the agent's UUID" }).regex(UUID, { error: "must be the agent's UUID" }),
  agentVersion: z
    .string({ error: "must be a string" })
    .regex(AGENT_VERSION, { error: 'must be "production", "current" or "v<N>" with N ≥ 1 (e.g. "v3")' })
    .default(DEFAULTS.agentVersion),
  callFrom: phoneNumber,
  presentationNumber: phoneNumber.optional(),
  scheduledAt: isoTime.optional(),
  concurrency: z
    .number({ error: "must be a number" })
    .int({ error: "must be a whole number" })
    .min(LIMITS.concurrencyMin, { error: `must be between ${LIMITS.concurrencyMin} and ${LIMITS.concurrencyMax}` })
    .max(LIMITS.concurrencyMax, { error: `must be between ${LIMITS.concurrencyMin} and ${LIMITS.concurrencyMax}` })
    .default(DEFAULTS.concurrency),
  callTimeWindow: callTimeWindowSchema.optional(),
  tasks: taskList(taskSchema).optional(),
  tasksFile: z.union([filePath, tasksFileObject], { error: "must be a file path, or { path, phoneColumn, encoding, … }" }).optional(),
  adoptId: z.string({ error: "must be a campaign id" }).min(1, { error: "must not be empty" }).optional(),
  allowRedial: z.boolean({ error: "must be true or false" }).default(DEFAULTS.allowRedial),
  paused: z.boolean({ error: "must be true or false" }).default(DEFAULTS.paused),
  purpose: z.string({ error: "must be a string such as telemarketing" }).min(1, { error: "must not be empty" }).optional(),
  nightCallConsent: z.boolean({ error: "must be true or false" }).optional(),
  doNotCallCheckedAt: z
    .string({ error: "must be a date such as 2026-12-01" })
    .refine((value) => isCalendarDate(value), { error: "must be a real date written YYYY-MM-DD, such as 2026-12-01" })
    .optional(),
  suppressionLists: z
    .array(z.union([filePath, suppressionListObject], { error: "must be a file path, or { path, format, phoneColumn, encoding, … }" }), {
      error: "must be a list of suppression lists (file paths)",
    })
    .min(1, { error: "must name at least one list (or leave suppressionLists out)" })
    .optional(),
} satisfies { [K in FieldName]: z.ZodType };

/** The whole campaign declaration, as a campaign file (GitOps) or the JSON Schema describes it. */
export const campaignSchema = z.object(fieldSchemas).strict();

/**
 * The public types of normalized values (args.ts, free of zod so that users' compilers never read zod's
 * typings) are exactly what these schemas produce: a schema change that alters them fails to compile here.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type SchemaOutputsArePublicTypes = [
  Holds<Same<z.output<typeof taskSchema>, CampaignTask>>,
  Holds<Same<z.output<typeof windowSchema>, CampaignWindow>>,
  Holds<Same<z.output<typeof callTimeWindowSchema>, CampaignCallTimeWindow>>,
  Holds<Same<z.output<typeof campaignSchema>, NormalizedCampaignInputs>>,
  // Optional fields escape the check above (a missing optional key is still assignable): the keys are held apart.
  Holds<Same<keyof z.output<typeof campaignSchema>, keyof NormalizedCampaignInputs>>,
];

/** What a program gives for an input, resolved: its CampaignArgs type, but for what resource.ts converts first (a Date start to ISO text). */
type ProgramValue<K extends FieldName> = K extends "scheduledAt" ? string : pulumi.Unwrap<NonNullable<CampaignArgs[K]>>;
/** The inputs whose schema refuses a value their CampaignArgs type allows (none: else this fails to compile below). */
type SchemaRefusesArgs = { [K in FieldName]: [ProgramValue<K>] extends [z.input<(typeof fieldSchemas)[K]>] ? never : K }[FieldName];
/** Each input's schema takes every value its type in args.ts allows: a new input whose type and schema disagree fails to compile here. */
export type SchemasTakeTheArgs = Holds<Same<SchemaRefusesArgs, never>>;

/**
 * The fields of the object at `path` (`tasks[2]`, `callTimeWindow`, `callTimeWindow.windows[0]`), to
 * suggest the one a mistyped key meant; empty elsewhere.
 */
export function knownKeysAt(path: ReadonlyArray<PropertyKey>): string[] {
  const [field, second, third] = path;
  if (field === "tasks" && path.length === 2) return Object.keys(taskSchema.shape);
  if (field === "tasksFile" && path.length === 1) return Object.keys(tasksFileObject.shape);
  if (field === "suppressionLists" && path.length === 2) return Object.keys(suppressionListObject.shape);
  if (field === "callTimeWindow" && path.length === 1) return Object.keys(callTimeWindowSchema.shape);
  if (field === "callTimeWindow" && second === "windows" && typeof third === "number" && path.length === 3)
    return Object.keys(windowObject.shape);
  return [];
}

/** `tasks[3].callTo` → `["tasks", 3, "callTo"]`: the inverse of {@link formatPath}, to find a failure's line. */
export function parsePropertyPath(property: string): PropertyKey[] {
  return Array.from(property.matchAll(/([^.[\]]+)|\[(\d+)\]/g), (match) => (match[2] !== undefined ? Number(match[2]) : match[1]));
}

/** `["tasks", 3, "callTo"]` → `tasks[3].callTo`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`)).join("");
}
