import * as assert from "assert";
import { TEST_API_KEY, TestEmulator, startTestEmulator } from "../support/emulator";
import { AGENT_ID } from "../support/inputs";
import { PulumiStack, RunResult, pulumiCliDir } from "./support/pulumi-stack";

/** Callee numbers (in each spelling a log might use) and prompt variables that must never be printed. */
const NUMBERS = ["010-9876-5432", "+82 10 8765 4321"];
const SECRETS = ["01098765432", "98765432", "9876-5432", "01087654321", "87654321", "8765 4321", "박서연", "VIP-77123"];

/** `pulumi <command> --json` (the engine's event stream, debug events included) prints none of the list. */
describe("end to end: the task list never appears in --json output", function () {
  this.timeout(10 * 60_000);
  let emulator: TestEmulator;
  let stack: PulumiStack;
  before(async function () {
    this.timeout(30 * 60_000);
    const cliDir = pulumiCliDir();
    emulator = await startTestEmulator();
    stack = await PulumiStack.create(cliDir, emulator.url, TEST_API_KEY);
    stack.setCampaigns([
      {
        name: "private",
        args: {
          agentId: AGENT_ID,
          callFrom: "02-1234-5678",
          tasks: [
            { callTo: NUMBERS[0], dynamicVariables: { customerName: "박서연" }, metadata: { crmId: "VIP-77123" } },
            { callTo: NUMBERS[1] },
          ],
        },
      },
    ]);
  });
  after(async () => {
    stack.remove();
    await emulator.close();
  });

  function assertNoList(command: string, result: RunResult): void {
    assert.strictEqual(result.code, 0, `${command}: ${result.stdout}\n${result.stderr}`);
    const text = result.stdout + result.stderr;
    for (const secret of SECRETS) assert.ok(!text.includes(secret), `${command} printed ${secret}`);
  }

  it("preview, up, refresh and destroy, with debug logging", async () => {
    // --debug makes the program log every RegisterResource response, where the list used to appear in clear.
    const logged = ["--json", "--debug", "--logflow"];
    const preview = await stack.run("preview", ...logged);
    assertNoList("preview", preview);
    // With its own preview (no --skip-preview): both passes of the program log.
    const up = await stack.run("up", "--yes", ...logged);
    assertNoList("up", up);
    assert.match(up.stdout, /RegisterResource RPC finished/, "the debug events this test looks through were printed");
    assertNoList("refresh", await stack.run("refresh", "--yes", "--skip-preview", ...logged));
    // State holds the list once, encrypted: an export without --show-secrets shows none of it either.
    assertNoList("stack export", await stack.run("stack", "export"));
    assertNoList("destroy", await stack.run("destroy", "--yes", "--skip-preview", ...logged));
    assert.strictEqual(await emulator.campaignCount(), 1);
  });
});
