import { UserFacingError } from "../errors";
import { snakeToCamelPath } from "./wire";

/** An error answer of the vox API, in the `vox API <status> <CODE>: <message> (field: …)` form. */
export class VoxApiError extends UserFacingError {
  override name = "VoxApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    readonly apiMessage: string,
    readonly field?: string,
  ) {
    super(`vox API ${status} ${code}: ${apiMessage}${field ? ` (field: ${snakeToCamelPath(field)})` : ""}`);
  }
}

/**
 * The request was sent but no answer came back (timeout, reset, 5xx), so it may or may not have
 * taken effect. Never retried blindly for a create: that could dial people twice.
 */
export class UncertainOutcomeError extends UserFacingError {
  override name = "UncertainOutcomeError";
}

export function isNotFound(error: unknown): boolean {
  return error instanceof VoxApiError && error.status === 404;
}

export function isInvalidState(error: unknown): boolean {
  return error instanceof VoxApiError && error.status === 409;
}
