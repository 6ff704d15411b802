import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { suppressionHash } from "../../provider/suppression";
import { TEST_API_KEY, TestEmulator, startTestEmulator } from "../support/emulator";
import { PulumiStack, RunResult, campaignSpec, pulumiCliDir } from "./support/pulumi-stack";

/** The campaign's three people: the first on the CSV list, the second on the hashed list, the third called. */
const OPTED_OUT = "010-3141-5926";
const REGISTERED = "010-2718-2818";
const CALLED = "010-1618-0339";
/** Every spelling of the three numbers that an output might use. */
const SPELLINGS = [OPTED_OUT, REGISTERED, CALLED].flatMap((number) => [number, number.replace(/-/g, ""), number.slice(4)]);

/** The real CLI: counts in the preview, never a number; the create without the suppressed; a list edit as a diff. */
describe("end to end: suppression lists", function () {
  this.timeout(15 * 60_000);
  let emulator: TestEmulator;
  let stack: PulumiStack;
  let dataFile: string;
  before(async function () {
    this.timeout(30 * 60_000);
    const cliDir = pulumiCliDir();
    dataFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vox-e2e-suppression-")), "data.json");
    emulator = await startTestEmulator({ dataFile });
    stack = await PulumiStack.create(cliDir, emulator.url, TEST_API_KEY);
    fs.writeFileSync(path.join(stack.dir, "optout.csv"), `phone,reason\n${OPTED_OUT},asked on 2026-11-30\n010-9999-0000,other\n`);
    fs.writeFileSync(path.join(stack.dir, "register.sha256"), `${suppressionHash(REGISTERED)}\n`);
    stack.setCampaigns([
      campaignSpec("renewal", {
        tasks: [{ callTo: OPTED_OUT }, { callTo: REGISTERED }, { callTo: CALLED }],
        suppressionLists: ["optout.csv", "register.sha256"],
      }),
    ]);
  });
  after(async () => {
    stack.remove();
    await emulator.close();
  });

  function assertNoNumbers(command: string, result: RunResult): void {
    const text = result.stdout + result.stderr;
    for (const spelling of SPELLINGS) assert.ok(!text.includes(spelling), `${command} printed a number (${spelling.slice(0, 3)}…)`);
  }

  it("previews the removals in counts, creates with the tasks left, and shows an edited list as an update", async () => {
    const text = await stack.run("preview", "--diff");
    assert.strictEqual(text.code, 0, text.stdout + text.stderr);
    assert.match(
      text.stdout + text.stderr,
      /2 of 3 tasks are on suppression lists and will not be called \(optout\.csv 1, register\.sha256 1\)/,
    );
    assertNoNumbers("preview --diff", text);

    const { ops, result, json } = await stack.preview();
    assertNoNumbers("preview --json", result);
    assert.deepStrictEqual(ops, { renewal: "create" });
    const step = json.steps.find((s: { urn: string }) => s.urn.endsWith("::renewal"));
    assert.deepStrictEqual(
      step.newState.inputs.suppression.map((s: Record<string, unknown>) => [s.list, s.format, s.entries, s.removed]),
      [
        ["optout.csv", "csv", 2, 1],
        ["register.sha256", "sha256", 1, 1],
      ],
    );
    assert.strictEqual(step.newState.inputs.taskCount, 1);

    const up = await stack.run("up", "--yes", "--skip-preview", "--json");
    assert.strictEqual(up.code, 0, up.stdout + up.stderr);
    assertNoNumbers("up --json", up);
    const state = (await stack.campaignState()).renewal;
    assert.strictEqual(state.taskCount, 1);
    assertNoNumbers("stack export", await stack.ok("stack", "export"));
    assert.deepStrictEqual(await numbersInTheEmulator(), [CALLED.replace(/-/g, "")]);

    // A list that grows by a number of no task of this campaign: an update that sends nothing.
    fs.appendFileSync(path.join(stack.dir, "optout.csv"), "010-9999-0001,other\n");
    const edited = await stack.preview();
    assertNoNumbers("preview --json after the edit", edited.result);
    assert.deepStrictEqual(edited.ops, { renewal: "update" });
    await emulator.resetRequests();
    await stack.up();
    const requests = await emulator.requests();
    assert.deepStrictEqual(
      Object.keys(requests).filter((key) => !key.startsWith("GET")),
      [],
      `the list's new size was recorded without a change in vox.ai: ${JSON.stringify(requests)}`,
    );
    assert.strictEqual((await stack.campaignState()).renewal.suppression[0].entries, 3);

    // A list that takes the last person out: a clear error, nothing sent.
    fs.writeFileSync(path.join(stack.dir, "register.sha256"), `${suppressionHash(REGISTERED)}\n${suppressionHash(CALLED)}\n`);
    await emulator.resetRequests();
    const none = await stack.run("preview");
    assert.notStrictEqual(none.code, 0);
    assert.match(none.stdout + none.stderr, /every task is on a suppression list \(optout\.csv 1, register\.sha256 2 removed\)/);
    assertNoNumbers("preview of an empty campaign", none);
  });

  /** The numbers of every campaign the emulator holds, from its own data file (written when it closes). */
  async function numbersInTheEmulator(): Promise<string[]> {
    const url = emulator.url;
    await emulator.close();
    const saved = JSON.parse(fs.readFileSync(dataFile, "utf8")) as { campaigns: { tasks: { callTo: string }[] }[] };
    emulator = await startTestEmulator({ dataFile, port: Number(new URL(url).port) });
    return saved.campaigns.flatMap((campaign) => campaign.tasks.map((task) => task.callTo));
  }
});
