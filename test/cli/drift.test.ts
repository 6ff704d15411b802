import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../cli/index";
import { EXIT } from "../../cli/usage";
import { systemClock } from "../../provider/tooling";
import { AGENT_ID } from "../support/inputs";

type Props = Record<string, unknown>;

const URN = "urn:pulumi:prod::campaigns::pulumi-nodejs:dynamic/vox:Campaign::";

/** Outputs as state holds them for a pending campaign, `overrides` on top. */
function outputs(overrides: Props = {}): Props {
  return {
    name: "Renewal",
    agentId: AGENT_ID,
    callFrom: "0212345678",
    concurrency: 5,
    paused: false,
    status: "pending",
    callTimeWindow: { timezone: "Asia/Seoul", autoResume: true, windows: [{ days: ["Monday"], start: "09:00", end: "12:00" }] },
    ...overrides,
  };
}

/** The engine event of one refreshed campaign; `after` undefined for one gone from vox.ai. */
function refreshed(name: string, before: Props, after: Props | undefined): Props {
  const state = (values: Props) => ({ urn: URN + name, id: `id-${name}`, outputs: values });
  const metadata = { op: after ? "update" : "delete", urn: URN + name, old: state(before), new: after && state(after) };
  return { resOutputsEvent: { metadata } };
}

const SUCCEEDED = { summaryEvent: { result: "succeeded", isPreview: true } };

/** `pulumi-vox drift` over these engine events, written as Pulumi streams them. */
async function drift(events: Props[] | string): Promise<{ code: number; out: string; err: string }> {
  const text = typeof events === "string" ? events : events.map((event, sequence) => JSON.stringify({ sequence, ...event })).join("\n");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vox-drift-")), "refresh.jsonl");
  fs.writeFileSync(file, text);
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["drift", file], { out: (line) => out.push(line), err: (line) => err.push(line) }, systemClock);
  fs.rmSync(path.dirname(file), { recursive: true });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("pulumi-vox drift", () => {
  it("reports concurrency and a resume, each with a remedy", async () => {
    const report = await drift([
      refreshed("wider", outputs({ concurrency: 3 }), outputs({ concurrency: 10 })),
      refreshed("resumed", outputs({ paused: true, status: "paused" }), outputs({ paused: false })),
      SUCCEEDED,
    ]);
    assert.strictEqual(report.code, EXIT.drift);
    assert.match(report.out, /\*\*concurrency changed\*\* in vox\.ai: 3 → 10 calls at once\n {2}- put it back: not in place/);
    assert.match(report.out, /set `concurrency: 10` in its campaign file/);
    assert.match(report.out, /\*\*resumed\*\* in vox\.ai[^\n]*\n {2}- put it back: `pulumi up --refresh` pauses it again/);
    assert.match(report.out, /in stack `prod`: 2 changes made in vox\.ai to 2 campaigns/);
  });

  it("lists a campaign that finished by itself apart, and calls progress no drift", async () => {
    const report = await drift([
      refreshed("done", outputs(), outputs({ status: "success", completedCalls: 3 })),
      refreshed("calling", outputs(), outputs({ status: "ongoing", completedCalls: 1 })),
      SUCCEEDED,
    ]);
    assert.strictEqual(report.code, EXIT.ok, report.out);
    assert.match(report.out, /^## ✅ No drift in stack `prod`/);
    assert.match(report.out, /Finished by themselves \(not drift\): `done` \(success\)/);
    assert.match(report.out, /Unchanged: 1 campaign\./);
  });

  it("gives no report when the refresh stopped at an error, or before its summary", async () => {
    const failed = await drift([
      refreshed("a", outputs(), outputs()),
      { diagnosticEvent: { severity: "error", message: "error: GET /v3/campaigns/x: connection refused\n    at stack" } },
      { summaryEvent: { result: "failed", isPreview: true } },
    ]);
    assert.strictEqual(failed.code, EXIT.invalid);
    assert.strictEqual(failed.out, "");
    assert.match(failed.err, /did not read every campaign, so there is no drift report:\nGET \/v3\/campaigns\/x: connection refused$/);

    const cut = await drift([refreshed("a", outputs(), outputs())]);
    assert.strictEqual(cut.code, EXIT.invalid);
    assert.match(cut.err, /the events end before the refresh's summary/);
  });

  it("refuses an empty input and text that is not engine events", async () => {
    assert.match((await drift("")).err, /the input is empty/);
    assert.strictEqual((await drift("")).code, EXIT.invalid);
    assert.match((await drift("Previewing refresh (prod):")).err, /not the engine events/);
  });

  it("never prints a number, even in a name changed in vox.ai", async () => {
    const report = await drift([refreshed("a", outputs(), outputs({ name: "Call 010-1234-5678 back" })), SUCCEEDED]);
    assert.strictEqual(report.code, EXIT.drift);
    assert.match(report.out, /010\*+78/);
    assert.doesNotMatch(report.out, /1234-5678|12345678/);
  });
});
