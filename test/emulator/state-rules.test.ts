import assert from "node:assert/strict";
import { Client, DAY, HOUR, MONDAY_10_KST, TestEmulator } from "../support/emulator";
import { tasks } from "../support/inputs";
import { startInWindow, windowOn } from "./helpers";

type Status = "draft" | "pending" | "ongoing" | "paused" | "success" | "fail" | "canceled";
type Action = "pause" | "resume" | "cancel" | "patch";

/** The contract's rules: which actions each status allows. */
const allowed: Record<Status, Action[]> = {
  draft: ["cancel", "patch"],
  pending: ["pause", "cancel", "patch"],
  ongoing: ["pause", "cancel"],
  paused: ["resume", "cancel", "patch"],
  success: [],
  fail: [],
  canceled: [],
};

/** Creates a campaign and brings it into the status. */
async function campaignIn(status: Status, emulator: TestEmulator, client: Client): Promise<string> {
  switch (status) {
    case "draft":
      return client.create({ scheduled_at: new Date(MONDAY_10_KST + HOUR).toISOString() });
    case "pending":
      return client.create({ call_time_window: windowOn(["Friday"], 600, 700) });
    case "ongoing":
      return client.create({ tasks: tasks(50) });
    case "paused": {
      const id = await client.create({ tasks: tasks(50) });
      await client.post(`/v3/campaigns/${id}/pause`);
      return id;
    }
    case "canceled": {
      const id = await client.create();
      await client.post(`/v3/campaigns/${id}/cancel`);
      return id;
    }
    case "success":
    case "fail": {
      const id = await client.create();
      emulator.clock.advance(DAY);
      return id;
    }
  }
}

function perform(client: Client, action: Action, id: string) {
  return action === "patch" ? client.patch(`/v3/campaigns/${id}`, { name: "Renamed" }) : client.post(`/v3/campaigns/${id}/${action}`);
}

describe("emulator state rules", () => {
  let emulator: TestEmulator;
  let client: Client;
  afterEach(() => emulator.close());

  for (const status of Object.keys(allowed) as Status[]) {
    for (const action of ["pause", "resume", "cancel", "patch"] as Action[]) {
      const ok = allowed[status].includes(action);
      it(`${action} on ${status}: ${ok ? "200" : "409 INVALID_STATE"}`, async () => {
        emulator = await startInWindow({ failureRate: status === "fail" ? 1 : 0 });
        client = new Client(emulator.url);
        const id = await campaignIn(status, emulator, client);
        const before = await client.campaign(id);
        assert.equal(before.status, status);
        const reply = await perform(client, action, id);
        if (ok) {
          assert.equal(reply.status, 200, JSON.stringify(reply.body));
          assert.equal(reply.body.id, id);
        } else {
          assert.equal(reply.status, 409, JSON.stringify(reply.body));
          assert.equal(reply.body.error.code, "INVALID_STATE");
          assert.equal(reply.body.error.details.field, "status");
          assert.ok(Array.isArray(reply.body.error.details.allowed_values));
          assert.deepEqual(await client.campaign(id), before, "a refused action changes nothing");
        }
      });
    }
  }

  it("a paused campaign can be paused again only after a resume", async () => {
    emulator = await startInWindow();
    client = new Client(emulator.url);
    const id = await campaignIn("paused", emulator, client);
    assert.equal((await client.post(`/v3/campaigns/${id}/pause`)).status, 409);
    assert.equal((await client.post(`/v3/campaigns/${id}/resume`)).status, 200);
    assert.equal((await client.post(`/v3/campaigns/${id}/pause`)).status, 200);
  });
});
