import { ApiError } from "../errors";

/** A request target split into the path exactly as sent and its parsed query. */
export interface RequestTarget {
  /** The path as the client sent it: nothing decoded, nothing resolved. */
  path: string;
  query: URLSearchParams;
}

/** A `.` or `..` segment, also percent-encoded (`%2e`, `.%2E`, `%2e%2e`, ...). */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/**
 * Splits an origin-form request target (`/v3/campaigns?limit=5`) into path and query without resolving
 * anything, so routing sees exactly the path the client sent. A URL parser resolves `..`, `%2e%2e` and
 * backslashes: `/v3/campaigns/%2e%2e/%2e%2e/_emulator/reset` would become `/_emulator/reset` and an
 * API-looking request would wipe every campaign. Dot segments, plain or encoded, are refused outright.
 * @throws ApiError 400 VALIDATION_ERROR on `path`
 */
export function parseRequestTarget(target: string): RequestTarget {
  if (!target.startsWith("/")) throw badPath("must be an absolute path starting with /");
  const queryStart = target.indexOf("?");
  const path = queryStart < 0 ? target : target.slice(0, queryStart);
  if (path.split("/").some((segment) => DOT_SEGMENT.test(segment))) {
    throw badPath("must not contain . or .. segments, plain or percent-encoded");
  }
  return { path, query: new URLSearchParams(queryStart < 0 ? "" : target.slice(queryStart + 1)) };
}

function badPath(reason: string): ApiError {
  return new ApiError(400, "VALIDATION_ERROR", { field: "path", reason });
}
