import { IncomingMessage, Server, ServerResponse, createServer } from "node:http";
import { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { setTimeout as delay } from "node:timers/promises";
import { Emulator } from "../emulator";
import { ApiError, internalError, rateLimited } from "../errors";
import { ActiveFault } from "../faults";
import { ApiHandler, apiRoutes } from "../routes/api";
import { CONTROL_PREFIX, ControlHandler, controlRoutes } from "../routes/control";
import { parseJsonBody, readBody, sendError, sendJson } from "./io";
import { RequestTarget, parseRequestTarget } from "./request-target";
import { RouteMatch, Router } from "./router";

/** A listening emulator server. */
export interface ListeningServer {
  port: number;
  /** Stops accepting, lets running requests finish for a moment, then drops what is left. */
  close(): Promise<void>;
}

/** How long close() waits for requests in progress before it drops their connections. */
const CLOSE_GRACE_MS = 2000;

/**
 * The request pipeline. The path is taken exactly as sent (see parseRequestTarget). API requests: count
 * in the request log, decide faults, route (404/405), authenticate (401), rate-limit (429), read the body
 * (413/400), wait for a slow commit, handle, wait until the data file holds the change, wait any added
 * latency, answer (or drop the connection).
 * Control requests under `/_emulator/` skip the log, the faults, auth and the rate limit. Nothing a client sends can throw
 * out of here: every failure becomes an error envelope.
 */
export function createRequestListener(emulator: Emulator): (request: IncomingMessage, response: ServerResponse) => void {
  const api = new Router<ApiHandler>(apiRoutes(emulator.campaigns));
  const control = new Router<ControlHandler>(controlRoutes(emulator));
  const maxBodyBytes = emulator.settings.maxBodyBytes;

  async function readJson(request: IncomingMessage): Promise<unknown> {
    return parseJsonBody(await readBody(request, maxBodyBytes));
  }

  async function handleControl(request: IncomingMessage, response: ServerResponse, method: string, target: RequestTarget): Promise<void> {
    const match = control.match(method, target.path);
    if (!match.found) throw match.error;
    const result = match.route.handler({ params: match.params, body: await readJson(request) });
    await emulator.durable();
    sendJson(response, 200, result);
  }

  /**
   * Answers an API request as if no fault applied, except for the status-code faults and `slow-commit`
   * (handled `commitAfterMs` after `arrivedAt`, a performance.now() time) among `failure`.
   */
  async function answerApi(
    request: IncomingMessage,
    target: RequestTarget,
    match: RouteMatch<ApiHandler>,
    failure: ActiveFault | null,
    arrivedAt: number,
  ): Promise<unknown> {
    const injectedError = failure === null ? null : injectedErrorOf(failure);
    if (injectedError !== null) throw injectedError;
    if (!match.found) throw match.error;

    const apiKey = bearerToken(request.headers.authorization);
    const organizationId = apiKey === null ? undefined : emulator.organizationOf(apiKey);
    if (apiKey === null || organizationId === undefined) {
      throw new ApiError(401, "UNAUTHORIZED", { field: "Authorization", reason: 'needs "Bearer <API key>" with a valid key' });
    }
    const retryAfterSec = emulator.rateLimiter.take(apiKey);
    if (retryAfterSec > 0) throw rateLimited(retryAfterSec);

    const body = await readJson(request);
    // The body is read first: a client that gives up meanwhile must not keep the commit from happening.
    if (failure?.type === "slow-commit") await delay(Math.max(0, arrivedAt + (failure.commitAfterMs ?? 0) - performance.now()));
    return match.route.handler({ organizationId, params: match.params, query: target.query, body });
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, method: string, target: RequestTarget): Promise<void> {
    const arrivedAt = performance.now();
    const match = api.match(method, target.path);
    emulator.requestLog.record(method, match.found ? match.route.pattern : (match.normalizedPath ?? target.path));
    const faults = emulator.faults.decide(method, target.path);
    if (faults.failure?.type === "reset") {
      request.socket.resetAndDestroy();
      return;
    }
    let reply: () => void;
    try {
      const result = await answerApi(request, target, match, faults.failure, arrivedAt);
      reply = () => sendJson(response, 200, result);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      reply = () => sendError(response, error);
    }
    // Nothing is answered before it is on disk, so an answered write survives a kill -9. Waiting before the
    // latency and the drop keeps a fault's outcome the same as without the data file.
    await emulator.durable();
    // Latency delays the answer, not the work: a create is done on arrival whether or not the client
    // waits long enough, so the outcome never depends on when the client gives up.
    if (faults.latencyMs > 0) await delay(faults.latencyMs);
    if (faults.failure?.type === "commit-then-drop") {
      request.socket.destroy();
      return;
    }
    if (!request.socket.destroyed) reply();
  }

  async function dispatch(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? "GET";
    const target = parseRequestTarget(request.url ?? "/");
    const handle = target.path.startsWith(CONTROL_PREFIX) ? handleControl : handleApi;
    await handle(request, response, method, target);
  }

  return (request, response) => {
    dispatch(request, response).catch((error: unknown) => {
      if (response.headersSent || request.socket.destroyed) return;
      if (error instanceof ApiError) {
        sendError(response, error);
      } else {
        // Only the stack: messages of our own errors carry no request data (keys, phone numbers).
        console.error("vox-emulator: internal error:", (error as Error).stack);
        sendError(response, internalError());
      }
    });
  };
}

/** The error a status-code fault answers with; null for faults that do not answer. */
function injectedErrorOf(fault: ActiveFault): ApiError | null {
  switch (fault.type) {
    case "429":
      return rateLimited(fault.retryAfterSec ?? 1);
    case "500":
      return internalError("injected fault");
    case "503":
      return new ApiError(503, "SERVICE_UNAVAILABLE", { reason: "injected fault" });
    default:
      return null;
  }
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
function bearerToken(header: string | undefined): string | null {
  const match = header === undefined ? null : /^Bearer +(\S+) *$/i.exec(header);
  return match === null ? null : match[1];
}

/** Starts listening; resolves once the port is bound. */
export async function listen(emulator: Emulator, port: number, host: string): Promise<ListeningServer> {
  const server: Server = createServer(createRequestListener(emulator));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return { port: (server.address() as AddressInfo).port, close: () => closeServer(server) };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error === undefined ? resolve() : reject(error)));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
  });
}
