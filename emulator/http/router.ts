import { ApiError } from "../errors";
import { matchPath } from "./path-pattern";

/** One endpoint: `pattern` uses `{name}` for id segments and doubles as the request log's path. */
export interface Route<Handler> {
  method: string;
  pattern: string;
  handler: Handler;
}

/** The outcome of routing a request: a route with its captured segments, or the error to answer. */
export type RouteMatch<Handler> =
  { found: true; route: Route<Handler>; params: string[] } | { found: false; error: ApiError; normalizedPath: string | null };

/** Finds the route of a method and path; tells 404 (no such path) from 405 (path exists, method does not). */
export class Router<Handler> {
  constructor(private readonly routes: ReadonlyArray<Route<Handler>>) {}

  match(method: string, path: string): RouteMatch<Handler> {
    const allowed: string[] = [];
    let normalizedPath: string | null = null;
    for (const route of this.routes) {
      const params = matchPath(route.pattern, path);
      if (params === null) continue;
      if (route.method === method) return { found: true, route, params };
      allowed.push(route.method);
      normalizedPath = route.pattern;
    }
    if (allowed.length === 0) {
      return { found: false, normalizedPath, error: new ApiError(404, "NOT_FOUND", { field: "path", reason: `no endpoint ${path}` }) };
    }
    const error = new ApiError(
      405,
      "METHOD_NOT_ALLOWED",
      { field: "method", reason: `${method} is not allowed on ${path}`, allowed_values: allowed },
      { Allow: allowed.join(", ") },
    );
    return { found: false, normalizedPath, error };
  }
}
