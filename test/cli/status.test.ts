import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { statusCommand } from "../../cli/status/command";
import { systemClock } from "../../provider/clock";
import { ManualClock } from "../support/clock";
import { DAY, HOUR, MONDAY_07_KST, UNTIL_WINDOW_OPENS } from "../support/emulator";
import { useEmulatorEnvironment, useProviderEmulator } from "../support/hooks";
import { rawInputs } from "../support/inputs";
import { checked, provider } from "../support/provider";

/** `pulumi-vox status` against the emulator, run in-process on a screen that is not a terminal. */
describe("pulumi-vox status", () => {
  const emulator = useProviderEmulator();
  useEmulatorEnvironment(emulator);

  /** Runs status at the emulator's time (frozen), so "now" is the test's calendar, not the machine's. */
  async function status(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const clock = new ManualClock(await emulator.now());
    const code = await statusCommand(args, { tty: false, clock, output: { out: (l) => out.push(l), err: (l) => err.push(l) } });
    return { code, out, err };
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

  it("--json by --id: status, counts and the next window of a campaign paused by the system, one GET each", async () => {
    const ids = await campaignsAtVariousStates();
    const { code, out } = await status("--json", ...Object.values(ids).flatMap((id) => ["--id", id]));
    assert.strictEqual(code, 0);
    assert.strictEqual(out.length, 1);
    const [systemPaused, canceled, userPaused, draft] = JSON.parse(out[0]).campaigns;
    assert.deepStrictEqual(await emulator.requests(), { "GET /v3/campaigns/{id}": 4 });

    assert.strictEqual(systemPaused.label, "봄 세일 안내");
    assert.strictEqual(systemPaused.status, "paused");
    assert.strictEqual(systemPaused.pausedBy, "system");
    assert.strictEqual(systemPaused.total, 300);
    // 09:00–12:00 on one line of one-minute calls: about 180 ended, the rest waits.
    assert.ok(systemPaused.completed >= 170 && systemPaused.completed <= 181, `completed ${systemPaused.completed}`);
    assert.strictEqual(systemPaused.remaining, 300 - systemPaused.completed - systemPaused.failed);
    assert.deepStrictEqual(systemPaused.nextWindow, {
      at: new Date(MONDAY_07_KST + 6 * HOUR).toISOString(),
      local: "Mon 13:00",
      timezone: "Asia/Seoul",
    });
    assert.strictEqual(systemPaused.secondsLeft, null);

    assert.strictEqual(canceled.status, "canceled");
    assert.strictEqual(canceled.remaining, 0);
    assert.strictEqual(userPaused.pausedBy, "user");
    assert.strictEqual(userPaused.nextWindow, null);
    assert.strictEqual(draft.status, "draft");
    assert.strictEqual(draft.callsPerMinute, null);
  });

  it("finds the campaigns of a stack export by their type token, labelled by resource name; other and deleted resources are left out", async () => {
    const ids = await campaignsAtVariousStates();
    const resource = (name: string, id: string, extra = {}) => ({
      urn: `urn:pulumi:dev::proj::pulumi-nodejs:dynamic/vox:Campaign::${name}`,
      type: "pulumi-nodejs:dynamic/vox:Campaign",
      id,
      ...extra,
    });
    const exported = {
      version: 3,
      deployment: {
        resources: [
          { urn: "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev", type: "pulumi:pulumi:Stack" },
          resource("spring-sale", ids.systemPaused),
          resource("old-copy", ids.canceled, { delete: true }),
          resource("reminder", ids.userPaused),
        ],
      },
    };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vox-status-")), "stack.json");
    fs.writeFileSync(file, JSON.stringify(exported));
    const { code, out } = await status("--export", file, "--json");
    assert.strictEqual(code, 0);
    const lines = JSON.parse(out[0]).campaigns;
    assert.deepStrictEqual(
      lines.map((l: { label: string; id: string }) => [l.label, l.id]),
      [
        ["spring-sale", ids.systemPaused],
        ["reminder", ids.userPaused],
      ],
    );
    assert.deepStrictEqual(await emulator.requests(), { "GET /v3/campaigns/{id}": 2 });
  });

  it("prints plain lines without colour or cursor codes when stdout is not a terminal", async () => {
    const ids = await campaignsAtVariousStates();
    const { code, out } = await status("--id", ids.systemPaused, "--id", ids.canceled);
    assert.strictEqual(code, 0);
    const text = out.join("\n");
    assert.ok(!text.includes("\u001b"), "no escape codes");
    const lines = text.split("\n");
    assert.strictEqual(lines.length, 3);
    assert.match(lines[0], /^CAMPAIGN\s+STATUS\s+PROGRESS\s+DONE\s+CALLS\/MIN\s+WHEN/);
    assert.match(
      lines[1],
      /^봄 세일 안내\s+paused \(system\)\s+█+░+\s+\d+✓ \d+✗ \d+ left of 300\s+(?:[\d.]+|–)\s+window opens Mon 13:00 Asia\/Seoul/,
    );
    assert.match(lines[2], /^canceled\s+canceled\s+/);
    // cli-table3 aligns by display width: the Korean name takes two columns per syllable.
    const statusColumn = lines[0].indexOf("STATUS");
    assert.strictEqual(lines[1].indexOf("paused") + "봄세일안내".length, statusColumn);
    assert.strictEqual(lines[2].indexOf("canceled", 1), statusColumn);
  });

  it("--watch costs one GET per campaign per round and stops when all have finished", async () => {
    await emulator.advance(UNTIL_WINDOW_OPENS);
    const running = await create({ ...longList, name: "running" });
    const finished = await create({ name: "finished" });
    await emulator.api("POST", `/v3/campaigns/${finished}/cancel`);
    await emulator.resetRequests();
    const out: string[] = [];
    // The one status test on real timers: --watch waits its interval with the system clock.
    const watching = statusCommand(["--watch", "--interval", "0.2", "--id", running, "--id", finished], {
      tty: false,
      clock: systemClock,
      output: { out: (l) => out.push(l), err: () => undefined },
    });
    while (out.length < 3) await new Promise((r) => setTimeout(r, 50));
    await emulator.api("POST", `/v3/campaigns/${running}/cancel`);
    assert.strictEqual(await watching, 0);
    const rounds = out.length;
    const counts = await emulator.requests();
    assert.strictEqual(counts["GET /v3/campaigns/{id}"], 2 * rounds);
    assert.match(out[rounds - 1], /running\s+canceled/);
  });

  it("a bad --interval or an unknown option is a usage error (exit 2) before any request", async () => {
    await emulator.resetRequests();
    assert.strictEqual((await status("--interval", "0", "--id", "x")).code, 2);
    assert.strictEqual((await status("--bogus")).code, 2);
    assert.deepStrictEqual(await emulator.requests(), {});
  });
});
