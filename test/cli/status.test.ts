import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { statusCommand } from "../../cli/status/command";
import { Sample, campaignStatus } from "../../cli/status/progress";
import { ManualClock } from "../support/clock";
import { DAY, HOUR, MONDAY_07_KST, TEST_MONDAY, UNTIL_WINDOW_OPENS, seoulDate } from "../support/emulator";
import { restoreEnvAfterEach, useEmulatorEnvironment, useProviderEmulator } from "../support/hooks";
import { AGENT_ID, rawInputs } from "../support/inputs";
import { checked, provider } from "../support/provider";
import { capturedOutput } from "./capture";

const CAMPAIGN_TYPE = "pulumi-nodejs:dynamic/vox:Campaign";

/** A `pulumi stack export` of stack `dev` holding `resources` (each a campaign unless it says otherwise). */
function stackExport(resources: Record<string, unknown>[]) {
  return {
    version: 3,
    deployment: {
      resources: [{ urn: "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev", type: "pulumi:pulumi:Stack" }, ...resources],
    },
  };
}

function writeJson(value: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vox-status-")), "stack.json");
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

/** `pulumi-vox status` against the emulator, run in-process on a screen that is not a terminal. */
describe("pulumi-vox status", () => {
  const emulator = useProviderEmulator();
  useEmulatorEnvironment(emulator);
  restoreEnvAfterEach("OTHER_VOX_KEY");

  /** Runs status at the emulator's time (frozen), so "now" is the test's calendar, not the machine's. */
  async function status(...args: string[]) {
    const output = capturedOutput();
    const code = await statusCommand(args, { tty: false, clock: new ManualClock(await emulator.now()), output });
    return { code, out: output.outLines, err: output.errLines };
  }

  /** A stack's campaign resource as state records it: its agent and creation time among the outputs. */
  async function stateResource(name: string, id: string, extra: Record<string, unknown> = {}) {
    const campaign = await emulator.campaign(id);
    return {
      urn: `urn:pulumi:dev::proj::${CAMPAIGN_TYPE}::${name}`,
      type: CAMPAIGN_TYPE,
      id,
      outputs: { agentId: campaign.agent.agent_id, createdAt: new Date(campaign.created_at).toISOString() },
      ...extra,
    };
  }

  /** 300 people on one line: busy past 12:00, when the first window closes (a call lasts a minute). */
  const longList = { concurrency: 1, tasks: Array.from({ length: 300 }, (_, i) => ({ callTo: `010${String(20_000_000 + i)}` })) };
  const create = async (overrides: Record<string, unknown>) => (await provider.create(await checked(rawInputs(overrides)))).id as string;

  /** Monday 12:30 in Seoul: one campaign paused by the system, one canceled, one paused by the user, one pending draft. */
  async function campaignsAtVariousStates() {
    await emulator.advance(UNTIL_WINDOW_OPENS);
    const systemPaused = await create({ ...longList, name: "봄 세일 안내" });
    const canceled = await create({ name: "canceled" });
    const userPaused = await create({ ...longList, name: "user-paused", paused: true });
    await emulator.api("POST", `/v3/campaigns/${canceled}/cancel`);
    await emulator.advance(3.5 * 3_600_000);
    const draft = await create({ name: "draft", scheduledAt: new Date(MONDAY_07_KST + 7 * DAY + 2 * HOUR).toISOString() });
    await emulator.resetRequests();
    return { systemPaused, canceled, userPaused, draft };
  }

  it("--json by --id: status, counts, calls in progress, when a draft starts and when a paused campaign's window opens", async () => {
    const ids = await campaignsAtVariousStates();
    const { code, out } = await status("--json", ...Object.values(ids).flatMap((id) => ["--id", id]));
    assert.strictEqual(code, 0);
    assert.strictEqual(out.length, 1);
    const round = JSON.parse(out[0]);
    assert.strictEqual(round.stack, null);
    assert.strictEqual(round.at, new Date(await emulator.now()).toISOString());
    const [systemPaused, canceled, userPaused, draft] = round.campaigns;
    // --id gives neither agent nor creation time: the first round reads each campaign once.
    assert.deepStrictEqual(await emulator.requests(), { "GET /v3/campaigns/{id}": 4 });

    assert.strictEqual(systemPaused.label, "봄 세일 안내");
    assert.strictEqual(systemPaused.status, "paused");
    assert.strictEqual(systemPaused.pausedBy, "system");
    assert.strictEqual(systemPaused.total, 300);
    assert.strictEqual(systemPaused.active, 0);
    // 09:00–12:00 on one line of one-minute calls: about 180 ended, the rest waits.
    assert.ok(systemPaused.completed >= 170 && systemPaused.completed <= 181, `completed ${systemPaused.completed}`);
    assert.strictEqual(systemPaused.remaining, 300 - systemPaused.completed - systemPaused.failed);
    assert.deepStrictEqual(systemPaused.nextWindow, {
      at: new Date(MONDAY_07_KST + 6 * HOUR).toISOString(),
      local: "Mon 13:00",
      timezone: "Asia/Seoul",
    });
    assert.strictEqual(systemPaused.secondsLeft, null);
    assert.strictEqual(systemPaused.settled, false);

    assert.strictEqual(canceled.status, "canceled");
    assert.strictEqual(canceled.remaining, 0);
    // A cancel counts every unplaced call as failed at once: no pace for a campaign that is not running.
    assert.strictEqual(canceled.callsPerMinute, null);
    assert.strictEqual(canceled.settled, true);
    assert.strictEqual(userPaused.pausedBy, "user");
    assert.strictEqual(userPaused.nextWindow, null);
    assert.strictEqual(userPaused.settled, true);
    assert.strictEqual(draft.status, "draft");
    assert.strictEqual(draft.callsPerMinute, null);
    const nextMonday09 = MONDAY_07_KST + 7 * DAY + 2 * HOUR;
    assert.deepStrictEqual(draft.startsAt, {
      at: new Date(nextMonday09).toISOString(),
      local: `${seoulDate(nextMonday09)} 09:00`,
      timezone: "Asia/Seoul",
    });
  });

  it("a pending campaign says when its window opens, and a running one how many calls are in progress", async () => {
    const pending = await create({ name: "before-nine" }); // Monday 07:00: the first window opens at 09:00
    const early = await status("--id", pending);
    assert.match(early.out[0].split("\n")[2], /^before-nine\s+pending\s+.*starts Mon 09:00 Asia\/Seoul/);
    await emulator.advance(UNTIL_WINDOW_OPENS);
    const { out } = await status("--json", "--id", pending);
    const [running] = JSON.parse(out[0]).campaigns;
    assert.strictEqual(running.status, "ongoing");
    assert.strictEqual(running.active, 2);
    assert.strictEqual(running.startsAt, null);
  });

  it("a stack export: one list request for all its campaigns, rows by resource name, the stack in the header, read-only rows marked", async () => {
    const ids = await campaignsAtVariousStates();
    const file = writeJson(
      stackExport([
        await stateResource("spring-sale", ids.systemPaused),
        await stateResource("old-copy", ids.canceled, { delete: true }),
        await stateResource("reminder", ids.userPaused),
        await stateResource("dashboard-campaign", ids.draft, { external: true }),
      ]),
    );
    await emulator.resetRequests();
    const { code, out } = await status("--export", file);
    assert.strictEqual(code, 0);
    assert.deepStrictEqual(await emulator.requests(), { "POST /v2/campaigns/list": 1 });
    const lines = out.join("\n").split("\n");
    assert.match(lines[0], new RegExp(`^stack dev · ${TEST_MONDAY} 12:30:0\\d Asia/Seoul$`));
    assert.deepStrictEqual(
      lines.slice(2).map((line) => line.split(/\s{2,}/)[0]),
      ["dashboard-campaign (read-only)", "reminder", "spring-sale"],
    );
    const json = JSON.parse((await status("--export", file, "--json")).out[0]);
    assert.strictEqual(json.stack, "dev");
    assert.deepStrictEqual(
      json.campaigns.map((l: { label: string; id: string; readOnly: boolean }) => [l.label, l.id, l.readOnly]),
      [
        ["dashboard-campaign", ids.draft, true],
        ["reminder", ids.userPaused, false],
        ["spring-sale", ids.systemPaused, false],
      ],
    );
  });

  it("100 campaigns of a stack cost one list request a round; 600 cost two", async function () {
    this.timeout(120_000); // 600 creates and two status runs, on a machine that may be busy
    await emulator.advance(UNTIL_WINDOW_OPENS);
    const body = (i: number) => ({ name: `c${i}`, call_from: "0212345678", agent_id: AGENT_ID, tasks: [{ call_to: "01012345678" }] });
    const ids: string[] = await Promise.all(
      Array.from({ length: 600 }, async (_, i) => (await emulator.api("POST", "/v2/campaigns", body(i))).body.id),
    );
    const resources = await Promise.all(ids.map((id, i) => stateResource(`c${String(i).padStart(3, "0")}`, id)));
    await emulator.resetRequests();
    const hundred = await status("--export", writeJson(stackExport(resources.slice(500))), "--json");
    assert.strictEqual(JSON.parse(hundred.out[0]).campaigns.length, 100);
    assert.deepStrictEqual(await emulator.requests(), { "POST /v2/campaigns/list": 1 });
    await emulator.resetRequests();
    const all = await status("--export", writeJson(stackExport(resources)), "--json");
    assert.strictEqual(JSON.parse(all.out[0]).campaigns.length, 600);
    assert.deepStrictEqual(await emulator.requests(), { "POST /v2/campaigns/list": 2 });
  });

  it("prints plain lines without colour or cursor codes when stdout is not a terminal", async () => {
    const ids = await campaignsAtVariousStates();
    const { code, out } = await status("--id", ids.systemPaused, "--id", ids.canceled);
    assert.strictEqual(code, 0);
    const text = out.join("\n");
    assert.ok(!text.includes("\u001b"), "no escape codes");
    assert.doesNotMatch(text, / +$/m, "no trailing blanks");
    const lines = text.split("\n");
    assert.strictEqual(lines.length, 4);
    assert.match(lines[0], new RegExp(`^campaigns by id · ${TEST_MONDAY} 12:30:0\\d Asia/Seoul$`));
    assert.match(lines[1], /^CAMPAIGN\s+STATUS\s+PROGRESS\s+DONE\s+IN CALL\s+CALLS\/MIN\s+WHEN/);
    assert.match(
      lines[2],
      /^봄 세일 안내\s+paused \(system\)\s+█+░+\s+\d+✓ \d+✗ \d+ left of 300\s+0\s+(?:[\d.]+|–)\s+window opens Mon 13:00 Asia\/Seoul/,
    );
    assert.match(lines[3], /^canceled\s+canceled\s+/);
    // cli-table3 aligns by display width: the Korean name takes two columns per syllable.
    const statusColumn = lines[1].indexOf("STATUS");
    assert.strictEqual(lines[2].indexOf("paused") + "봄세일안내".length, statusColumn);
    assert.strictEqual(lines[3].indexOf("canceled", 1), statusColumn);
  });

  it("--watch: a list request a round once the campaigns are known, each round stamped, until every campaign is settled", async () => {
    await emulator.advance(UNTIL_WINDOW_OPENS);
    const running = await create({ ...longList, name: "running" });
    const userPaused = await create({ ...longList, name: "held", paused: true });
    await emulator.resetRequests();
    const out: string[] = [];
    const clock = new ManualClock(await emulator.now());
    const watching = statusCommand(["--watch", "--interval", "30", "--id", running, "--id", userPaused], {
      tty: false,
      clock,
      output: { out: (l) => out.push(l), err: () => undefined },
    });
    while (out.length < 3) await new Promise((r) => setTimeout(r, 5));
    // A campaign paused by a user is settled: the watch ends once the other one is too.
    await emulator.api("POST", `/v3/campaigns/${running}/pause`);
    assert.strictEqual(await watching, 0);
    const rounds = out.length;
    assert.deepStrictEqual(await emulator.requests(), {
      "GET /v3/campaigns/{id}": 2,
      "POST /v2/campaigns/list": rounds - 1,
      "POST /v3/campaigns/{id}/pause": 1,
    });
    const stamps = out.map((round) => round.split("\n")[0]);
    assert.match(stamps[0], new RegExp(`^campaigns by id · ${TEST_MONDAY} 09:00:01 Asia/Seoul · every 30 s$`));
    assert.match(stamps[1], new RegExp(`^campaigns by id · ${TEST_MONDAY} 09:00:31 Asia/Seoul · every 30 s$`));
    assert.match(out[rounds - 1], /running\s+paused \(user\)/);
  });

  it("names where a refused key came from: VOX_API_KEY, or the variable --api-key-env names", async () => {
    const id = await create({ name: "any" });
    process.env.VOX_API_KEY = "not-the-key";
    const refused = await status("--id", id);
    assert.strictEqual(refused.code, 1);
    assert.match(
      refused.err.join("\n"),
      /refused the API key \(401 UNAUTHORIZED\); the key came from the VOX_API_KEY environment variable/,
    );
    process.env.OTHER_VOX_KEY = "also-not-the-key";
    const other = await status("--id", id, "--api-key-env", "OTHER_VOX_KEY");
    assert.match(other.err.join("\n"), /the key came from the OTHER_VOX_KEY environment variable/);
    assert.ok(!other.err.join("\n").includes("also-not-the-key"), "the key is never printed");
  });

  it("a bad --interval or an unknown option is a usage error (exit 2) before any request", async () => {
    await emulator.resetRequests();
    assert.strictEqual((await status("--interval", "0", "--id", "x")).code, 2);
    assert.strictEqual((await status("--bogus")).code, 2);
    assert.deepStrictEqual(await emulator.requests(), {});
  });
});

describe("pulumi-vox status: calls per minute", () => {
  const minute = 60_000;
  const at = (minutes: number, ended: number): Sample => ({
    readAt: minutes * minute,
    campaign: {
      id: "c",
      name: "c",
      status: "ongoing",
      agentId: AGENT_ID,
      agentVersion: "production",
      callFrom: "0212345678",
      presentationNumber: null,
      totalCalls: 1000,
      completedCalls: ended,
      failedCalls: 0,
      concurrency: 5,
      activeConcurrency: 5,
      createdAt: new Date(0).toISOString(),
      scheduledAt: null,
      finishedAt: null,
      pausedAt: null,
      pausedBy: null,
      callTimeWindow: null,
      organizationId: null,
      paused: false,
    },
  });

  it("is a moving average over the last minute of rounds, not the last interval alone", () => {
    // 10 calls a minute for two minutes, then a burst of 30 in the last 15 s.
    const earlier = [at(0, 0), at(1, 10), at(1.25, 12), at(1.5, 15), at(1.75, 17), at(2, 20)];
    // (50 − 12) calls over the minute since 1:15; the last interval alone would say 120.
    assert.strictEqual(campaignStatus({ label: "c" }, at(2.25, 50), earlier).callsPerMinute, 38);
    // On the first round: the average since the campaign started.
    assert.strictEqual(campaignStatus({ label: "c" }, at(4, 20)).callsPerMinute, 5);
    // Rounds further apart than a minute: the rate since the previous round.
    assert.strictEqual(campaignStatus({ label: "c" }, at(10, 80), [at(4, 20)]).callsPerMinute, 10);
  });
});
