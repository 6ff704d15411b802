import assert from "node:assert/strict";
import { request } from "node:http";
import { Client, TEST_API_KEY, TestEmulator } from "../support/emulator";
import { startInWindow } from "./helpers";

/** Streams `totalBytes` of body in chunks without a Content-Length; resolves with the status, or the socket error. */
function streamBody(url: string, totalBytes: number): Promise<number | Error> {
  return new Promise((resolve) => {
    const req = request(`${url}/v2/campaigns`, {
      method: "POST",
      headers: { Authorization: `Bearer ${TEST_API_KEY}`, "Transfer-Encoding": "chunked" },
    });
    req.on("response", (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on("error", resolve);
    const chunk = Buffer.alloc(1024, "a");
    let sent = 0;
    const pump = () => {
      while (sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

describe("emulator robustness", () => {
  let emulator: TestEmulator;
  let client: Client;

  beforeEach(async () => {
    emulator = await startInWindow({ maxBodyBytes: 4096 });
    client = new Client(emulator.url);
    await client.create();
  });
  afterEach(async () => {
    // After each bad request the store is intact and the server still answers.
    const list = await client.get("/v3/campaigns");
    assert.equal(list.status, 200);
    assert.equal(list.body.total_count, 1);
    await emulator.close();
  });

  it("malformed JSON: 400 naming body", async () => {
    const reply = await client.post("/v2/campaigns", '{"name": ');
    assert.equal(reply.status, 400);
    assert.deepEqual(reply.body.error.details, { field: "body", reason: "is not valid JSON" });
  });

  it("JSON that is not an object: 400", async () => {
    for (const body of ["null", "42", '"text"', "[1,2]"]) {
      const reply = await client.post("/v2/campaigns", body);
      assert.equal(reply.status, 400, body);
      assert.equal(reply.body.error.details.field, "body");
    }
  });

  it("wrong types everywhere: 400 naming the field", async () => {
    const reply = await client.post("/v2/campaigns", { name: ["x"], call_from: 1, agent_id: {}, tasks: "all" });
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error.details.field, "name");
  });

  it("__proto__ and other unknown fields: 400 naming the field", async () => {
    const reply = await client.post("/v2/campaigns", '{"__proto__": {"admin": true}, "name": "x"}');
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error.details.field, "__proto__");
  });

  it("a declared body above maxBodyBytes: 413 before reading", async () => {
    const reply = await client.post("/v2/campaigns", "x".repeat(5000));
    assert.equal(reply.status, 413);
    assert.equal(reply.body.error.code, "PAYLOAD_TOO_LARGE");
  });

  it("a streamed body that grows above maxBodyBytes: 413 or a closed connection, never a crash", async () => {
    const outcome = await streamBody(emulator.url, 1024 * 1024);
    assert.ok(outcome === 413 || outcome instanceof Error, `got ${outcome}`);
  });

  it("an unknown route: 404 in the envelope", async () => {
    for (const path of ["/", "/v1/campaigns", "/v3/campaigns/abc/restart", "/v3/campaigns/"]) {
      const reply = await client.get(path);
      assert.equal(reply.status, 404, path);
      assert.equal(reply.body.error.code, "NOT_FOUND");
    }
  });

  it("a wrong method: 405 with Allow", async () => {
    const reply = await client.request("DELETE", "/v3/campaigns/abc");
    assert.equal(reply.status, 405);
    assert.equal(reply.body.error.code, "METHOD_NOT_ALLOWED");
    assert.equal(reply.headers.get("allow"), "GET, PATCH");
    assert.deepEqual(reply.body.error.details.allowed_values, ["GET", "PATCH"]);
  });

  it("an odd request target does not throw", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port: emulator.port, path: "//%%", method: "GET" });
      req.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end();
    });
    assert.ok(status >= 400 && status < 500, `status ${status}`);
  });
});
