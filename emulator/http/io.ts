import { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "../errors";
import { BODY_FIELD } from "../validation/fields";

/** 413 for a body above the limit; the connection is closed after it, since the rest is never read. */
function payloadTooLarge(maxBytes: number): ApiError {
  return new ApiError(
    413,
    "PAYLOAD_TOO_LARGE",
    { field: BODY_FIELD, reason: `must be at most ${maxBytes} bytes` },
    { Connection: "close" },
  );
}

/**
 * Reads the request body, up to `maxBytes`: a larger declared Content-Length is refused before reading,
 * and a body that grows past the limit stops being read at once.
 */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > maxBytes) return Promise.reject(payloadTooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        request.off("data", onData);
        request.pause();
        reject(payloadTooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    request.on("data", onData);
    request.once("end", () => resolve(Buffer.concat(chunks)));
    request.once("error", reject);
    // A client that goes away mid-body: settle, so the handler does not wait forever (no-op after 'end').
    request.once("close", () => reject(new Error("request closed before its body was read")));
  });
}

/** Parses a JSON body; an empty body is `undefined`, malformed JSON is 400 VALIDATION_ERROR on `body`. */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new ApiError(400, "VALIDATION_ERROR", { field: BODY_FIELD, reason: "is not valid JSON" });
  }
}

/** Sends a JSON response (or an empty one for 204). */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const text = status === 204 ? "" : JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
  });
  response.end(text);
}

/** Sends an ApiError as its envelope. */
export function sendError(response: ServerResponse, error: ApiError): void {
  sendJson(response, error.status, error.toBody(), error.headers);
}
