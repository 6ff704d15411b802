/**
 * Errors a user must act on carry a stable code, printed as `[vox:CODE]` at the start of the message,
 * so that tools (`pulumi-vox explain`, CI scripts) match the code rather than the English text.
 */
export const ERROR_CODES = [
  /** A replace would call people again: the campaign has placed calls and `allowRedial` is not set. */
  "REDIAL_GUARD",
  /** `adoptId` names no campaign this key can see. */
  "ADOPT_NOT_FOUND",
  /** `adoptId` names a campaign that differs from the declaration. */
  "ADOPT_MISMATCH",
  /** A finished campaign (success, fail, canceled) cannot change. */
  "CAMPAIGN_FINISHED",
  /** A create lost its answer and whether the campaign exists is not certain. */
  "CREATE_UNCERTAIN",
  /** Before a create: an unfinished campaign that may be this resource's (from an interrupted run) exists. */
  "CAMPAIGN_EXISTS",
  /** A campaign exists but recording it in state failed. */
  "RECORDING_FAILED",
  /** A 404 that may mean another organization's API key rather than "gone". */
  "WRONG_ORGANIZATION",
  /** A campaign paused to apply a change could not be resumed. */
  "RESUME_FAILED",
  /** A running campaign could not be paused to apply a change (nothing changed). */
  "PAUSE_FAILED",
  /** An in-place change failed; the message says the campaign's status afterwards. */
  "UPDATE_FAILED",
  /** `paused: true` cannot be applied: the campaign is a draft, or paused by the system and resuming by itself. */
  "PAUSE_NOT_POSSIBLE",
  /** A campaign created with `paused: true` exists but pausing it failed: it may be calling. */
  "PAUSE_AFTER_CREATE_FAILED",
  /** The `import` resource option, which cannot work for a dynamic resource (use adoptId or Campaign.get). */
  "IMPORT_OPTION",
  /** The contact list changed between check and create. */
  "TASKS_FILE_CHANGED",
  /** A suppression list changed between check and create. */
  "SUPPRESSION_LIST_CHANGED",
  /** Inputs that reach create or update unchecked or invalid. */
  "INVALID_INPUTS",
  /** A provider setting (vox:*) is missing or wrong. */
  "SETTINGS",
  /** A change found no campaign, although the API key sees the campaign's organization. */
  "CAMPAIGN_GONE",
  /** No connection to the vox API could be made (refused, or the host unknown): nothing was sent. */
  "API_UNREACHABLE",
] as const;

export type VoxErrorCode = (typeof ERROR_CODES)[number];

/**
 * An error a user acts on by its message alone (a VoxError, an API error, a lost answer), as opposed to
 * an internal fault whose stack trace a bug report needs. See runtime/host-errors.ts.
 */
export class UserFacingError extends Error {}

/** An error with a stable code; `details` carries what a tool may need (ids, fields). */
export class VoxError extends UserFacingError {
  override name = "VoxError";
  constructor(
    readonly code: VoxErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`[vox:${code}] ${message}`);
  }
}

/** The code at the start of an error message as printed anywhere (a preview's diagnostics, say). */
export function errorCodeIn(message: string): VoxErrorCode | undefined {
  const match = /\[vox:([A-Z_]+)\]/.exec(message);
  return match && (ERROR_CODES as readonly string[]).includes(match[1]) ? (match[1] as VoxErrorCode) : undefined;
}

/** What a caught value says: its message when it is an Error (anything can be thrown). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
