/**
 * The error envelope every emulator response uses, v2 and v3 alike:
 * `{"error": {"code", "message", "details": {"field"?, "reason", "allowed_values"?}}}`.
 */

/** The `details` object of an error body. `field` names the wire path of the offending input, when one is to blame. */
export interface ErrorDetails {
  field?: string;
  reason: string;
  allowed_values?: readonly string[];
}

/** The JSON body of an error response. */
export interface ErrorBody {
  error: { code: string; message: string; details: ErrorDetails };
}

/** An error that becomes an HTTP response; thrown anywhere inside request handling. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly details: ErrorDetails,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(details.field === undefined ? details.reason : `${details.field}: ${details.reason}`);
    this.name = "ApiError";
  }

  /** The response body of this error. */
  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }
}

/** 400 VALIDATION_ERROR about one input field. */
export function validationError(field: string, reason: string, allowedValues?: readonly string[]): ApiError {
  const details: ErrorDetails = allowedValues === undefined ? { field, reason } : { field, reason, allowed_values: allowedValues };
  return new ApiError(400, "VALIDATION_ERROR", details);
}

/** 404 NOT_FOUND for a campaign id this organization does not have. */
export function campaignNotFound(): ApiError {
  return new ApiError(404, "NOT_FOUND", { field: "id", reason: "no campaign with this id" });
}

/** 429 RATE_LIMITED with its `Retry-After` header (whole seconds). */
export function rateLimited(retryAfterSec: number): ApiError {
  return new ApiError(
    429,
    "RATE_LIMITED",
    { reason: `too many requests; retry after ${retryAfterSec} s` },
    { "Retry-After": String(retryAfterSec) },
  );
}

/** 500 INTERNAL_ERROR; the reason never carries request data. */
export function internalError(reason = "internal error"): ApiError {
  return new ApiError(500, "INTERNAL_ERROR", { reason });
}
