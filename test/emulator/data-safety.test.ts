import assert from "node:assert/strict";
import { request } from "node:http";
import { readFile } from "node:fs/promises";
import { serializeDataFile } from "../../emulator/persistence";
import { Client, TEST_API_KEY } from "../support/emulator";
import { campaignBody } from "../support/inputs";
import { useDataFileEmulator } from "./helpers";

/**
 * Sends a request with the path exactly as given (fetch would resolve `%2e%2e` segments itself before
 * sending, hiding the case under test); resolves with the status and the parsed body.
 */
function rawRequest(baseUrl: string, method: string, path: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(baseUrl, { method, path, headers: { Authorization: `Bearer ${TEST_API_KEY}` } }, (response) => {
      let text = "";
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text === "" ? undefined : JSON.parse(text) }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Objects nested `depth` levels (`{}` is 1, `{"a":{}}` is 2), as JSON text. */
function nestedJson(depth: number): string {
  return `${'{"a":'.repeat(depth - 1)}{}${"}".repeat(depth - 1)}`;
}

/**
 * A create body (as text) whose second task has metadata `depth` levels deep; written by hand, since
 * JSON.stringify itself overflows the stack a few thousand levels down.
 */
function createWithDeepMetadata(depth: number): string {
  const body = campaignBody({ tasks: [{ call_to: "01012345678" }, { call_to: "01012345679", metadata: {} }] });
  return JSON.stringify(body).replace('"metadata":{}', `"metadata":${nestedJson(depth)}`);
}

describe("emulator data safety", () => {
  const t = useDataFileEmulator();
  const start = () => t.start();

  async function totalAfterRestart(): Promise<number> {
    const client = await start();
    return (await client.get("/v3/campaigns")).body.total_count;
  }

  describe("control endpoints only at their exact paths", () => {
    const disguisedResets = [
      "/v3/campaigns/%2e%2e/%2e%2e/_emulator/reset",
      "/v3/campaigns/%2E%2E/%2E%2E/_emulator/reset",
      "/v3/campaigns/.%2e/%2e./_emulator/reset",
      "/v3/campaigns/../../_emulator/reset",
      "/v3/%2e/../_emulator/reset",
      "/_emulator/../_emulator/reset",
    ];
    for (const path of disguisedResets) {
      it(`POST ${path} is a 400 on path and wipes nothing`, async () => {
        const client = await start();
        await client.create();
        await client.create();
        const reply = await rawRequest(t.emulator!.url, "POST", path);
        assert.equal(reply.status, 400);
        assert.equal(reply.body.error.code, "VALIDATION_ERROR");
        assert.equal(reply.body.error.details.field, "path");
        assert.equal((await client.get("/v3/campaigns")).body.total_count, 2);
        assert.equal(await totalAfterRestart(), 2);
      });
    }

    const otherLookalikes = ["/v3/campaigns\\..\\..\\_emulator/reset", "//_emulator/reset", "/_emulator/%72eset", "/_emulator/reset/"];
    for (const path of otherLookalikes) {
      it(`POST ${path} is a 404 and wipes nothing`, async () => {
        const client = await start();
        await client.create();
        const reply = await rawRequest(t.emulator!.url, "POST", path);
        assert.equal(reply.status, 404);
        assert.equal(reply.body.error.code, "NOT_FOUND");
        assert.equal((await client.get("/v3/campaigns")).body.total_count, 1);
      });
    }

    it("the exact path still resets", async () => {
      const client = await start();
      await client.create();
      assert.equal((await rawRequest(t.emulator!.url, "POST", "/_emulator/reset")).status, 200);
      assert.equal((await client.get("/v3/campaigns")).body.total_count, 0);
    });

    it("queries still reach the API", async () => {
      const client = await start();
      await client.create();
      await client.create();
      const reply = await rawRequest(t.emulator!.url, "GET", "/v3/campaigns?limit=1");
      assert.equal(reply.status, 200);
      assert.equal(reply.body.items.length, 1);
      assert.equal(reply.body.total_count, 2);
    });
  });

  describe("metadata depth", () => {
    it("accepts metadata 64 levels deep", async () => {
      const client = await start();
      const reply = await client.post("/v2/campaigns", createWithDeepMetadata(64));
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
    });

    for (const depth of [65, 5000, 200_000]) {
      it(`refuses metadata ${depth} levels deep with 400 naming the task's metadata`, async () => {
        const client = await start();
        const reply = await client.post("/v2/campaigns", createWithDeepMetadata(depth));
        assert.equal(reply.status, 400);
        assert.equal(reply.body.error.code, "VALIDATION_ERROR");
        assert.equal(reply.body.error.details.field, "tasks[1].metadata");
        assert.match(reply.body.error.details.reason, /more than 64 levels/);
      });
    }

    it("one refused deep create does not stop the data file from keeping every other campaign", async () => {
      const client = await start();
      for (let i = 0; i < 3; i++) await client.create();
      const deep = await client.post("/v2/campaigns", createWithDeepMetadata(5000));
      assert.equal(deep.status, 400);
      for (let i = 0; i < 51; i++) await client.create();
      assert.equal(await totalAfterRestart(), 54);
    });

    it("a campaign that cannot be serialized is left out of the data file alone", () => {
      const campaign = (id: string, metadata: unknown) => ({ id, tasks: [{ callTo: "01012345678", metadata }] });
      const contents = {
        format: "vox-emulator-data",
        version: 1,
        clockNow: 5,
        nextSequence: 4,
        campaigns: [campaign("first", { ok: true }), campaign("deep", JSON.parse(nestedJson(20_000))), campaign("third", {})],
      } as unknown as Parameters<typeof serializeDataFile>[0];
      const { text, skippedIds } = serializeDataFile(contents);
      assert.deepEqual(skippedIds, ["deep"]);
      const parsed = JSON.parse(text);
      assert.deepEqual(
        parsed.campaigns.map((saved: { id: string }) => saved.id),
        ["first", "third"],
      );
      assert.deepEqual(
        { ...parsed, campaigns: undefined },
        { format: "vox-emulator-data", version: 1, clockNow: 5, nextSequence: 4, campaigns: undefined },
      );
    });
  });

  describe("clock range", () => {
    const outOfRange: Array<[Record<string, unknown>, string]> = [
      [{ set: 8.64e15 + 1 }, "set"],
      [{ set: 253402300800000 }, "set"],
      [{ advanceMs: 9e15 }, "advanceMs"],
      [{ advanceMs: Number.MAX_SAFE_INTEGER + 2 }, "advanceMs"],
    ];
    for (const [body, field] of outOfRange) {
      it(`POST /_emulator/clock ${JSON.stringify(body)} is a 400 naming ${field}; creates and restarts keep working`, async () => {
        const client = await start();
        const control = new Client(t.emulator!.url, null);
        for (let i = 0; i < 3; i++) await client.create();
        const before = (await control.get("/_emulator/clock")).body;
        const reply = await control.post("/_emulator/clock", body);
        assert.equal(reply.status, 400);
        assert.equal(reply.body.error.details.field, field);
        assert.match(reply.body.error.details.reason, /9999-12-31T23:59:59\.999Z/);
        assert.deepEqual((await control.get("/_emulator/clock")).body, before, "the clock did not move");
        await client.create();
        assert.equal(await totalAfterRestart(), 4);
      });
    }

    it("goes up to 9999-12-31T23:59:59.999Z and no further, still serving campaigns", async () => {
      const client = await start();
      const control = new Client(t.emulator!.url, null);
      const id = await client.create();
      const latest = Date.parse("9999-12-31T23:59:59.999Z");
      assert.equal((await control.post("/_emulator/clock", { set: latest - 10 })).body.now, latest - 10);
      assert.equal((await control.post("/_emulator/clock", { advanceMs: 11 })).status, 400);
      assert.equal((await control.post("/_emulator/clock", { advanceMs: 10 })).body.iso, "9999-12-31T23:59:59.999Z");
      assert.equal((await client.get(`/v3/campaigns/${id}`)).status, 200);
      assert.equal((await client.post("/v2/campaigns/list", {})).status, 200);
      await t.emulator!.close();
      assert.equal(JSON.parse(await readFile(t.dataFile, "utf8")).clockNow, latest);
      assert.equal(await totalAfterRestart(), 1);
    });
  });
});
