import * as assert from "assert";
import { TEST_API_KEY, TestEmulator, startTestEmulator } from "../support/emulator";
import { BackendMissing, StateBackend, startFileBackend, startPostgresBackend, startS3Backend } from "./support/backends";
import { PulumiStack, campaignSpec, pulumiCliDir } from "./support/pulumi-stack";

const BACKENDS: Array<[string, () => Promise<StateBackend>]> = [
  ["a file backend", startFileBackend],
  ["PostgreSQL", startPostgresBackend],
  ["an S3-compatible store", startS3Backend],
];

const NAMES = ["alpha", "bravo", "charlie", "delta", "echo"];

/**
 * The lifecycle under the real CLI with state shared between runners (two project folders, as two CI
 * runners check out one repository) on each kind of backend a team uses.
 */
for (const [label, start] of BACKENDS) {
  describe(`end to end: state shared between runners on ${label}`, function () {
    this.timeout(10 * 60_000);
    let cliDir: string;
    let backend: StateBackend;
    let emulator: TestEmulator;
    const runners: PulumiStack[] = [];

    before(function () {
      this.timeout(30 * 60_000); // a cold CLI build, when no cache exists yet
      cliDir = pulumiCliDir();
    });
    beforeEach(async function () {
      try {
        backend = await start();
      } catch (error) {
        // CI installs every server (.ci/run); elsewhere a missing one skips, loudly.
        if (!(error instanceof BackendMissing) || process.env.CI) throw error;
        console.warn(`    SKIPPED: ${label}: ${error.message}`);
        this.skip();
      }
      emulator = await startTestEmulator();
    });
    afterEach(async () => {
      for (const runner of runners.splice(0)) runner.remove();
      await emulator?.close();
      await backend?.stop();
    });

    /** A runner of stack `e2e` on the backend; the first makes the stack, the others select it. */
    async function runner(): Promise<PulumiStack> {
      const options = { backend: { url: backend.url, env: backend.env }, sameStackAs: runners[0] };
      const stack = await PulumiStack.create(cliDir, emulator.url, TEST_API_KEY, undefined, options);
      runners.push(stack);
      return stack;
    }

    it("creates, updates, deletes and destroys from two runners, each seeing the other's state", async () => {
      const first = await runner();
      const second = await runner();
      first.setCampaigns(NAMES.slice(0, 3).map((name) => campaignSpec(name)));
      await first.up();
      assert.strictEqual(await emulator.campaignCount(), 3);

      // The second runner applies a rename on the state the first wrote: one PATCH, nothing created.
      second.setCampaigns([campaignSpec("alpha", { name: "Alpha, renamed" }), campaignSpec("bravo"), campaignSpec("charlie")]);
      await emulator.resetRequests();
      await second.up();
      assert.deepStrictEqual(await emulator.requests(), { "PATCH /v3/campaigns/{id}": 1 });

      // The first sees that update in the shared state: nothing left to do but drop charlie.
      first.setCampaigns([campaignSpec("alpha", { name: "Alpha, renamed" }), campaignSpec("bravo")]);
      const { ops } = await first.preview();
      assert.deepStrictEqual(ops, { charlie: "delete" });
      await emulator.resetRequests();
      await first.up();
      assert.deepStrictEqual(await emulator.requests(), { "POST /v3/campaigns/{id}/cancel": 1 });

      await second.ok("destroy", "--yes", "--skip-preview");
      const state = JSON.parse(await first.exportState());
      assert.deepStrictEqual(state.deployment.resources ?? [], []);
      assert.strictEqual(await emulator.campaignCount(), 3, "no campaign created after the first up");
    });

    it("runs one of two concurrent updates of a stack and refuses the other by the lock: no campaign twice", async () => {
      const first = await runner();
      const second = await runner();
      const specs = NAMES.map((name) => campaignSpec(name));
      first.setCampaigns(specs);
      second.setCampaigns(specs);
      // Slow creates keep the first update (and its lock) going while the second starts, on a busy machine too.
      await emulator.fault({ type: "latency", method: "POST", path: "/v2/campaigns", latencyMs: 15_000 });

      const firstUp = first.run("up", "--yes", "--skip-preview");
      while (((await emulator.requests())["POST /v2/campaigns"] ?? 0) === 0) await new Promise((r) => setTimeout(r, 100));
      const secondUp = await second.run("up", "--yes", "--skip-preview");
      const firstResult = await firstUp;

      assert.strictEqual(firstResult.code, 0, firstResult.stdout + firstResult.stderr);
      assert.notStrictEqual(secondUp.code, 0);
      assert.match(secondUp.stdout + secondUp.stderr, /the stack is currently locked by 1 lock/);
      assert.strictEqual(await emulator.campaignCount(), NAMES.length);

      // Run again once the lock is gone, the refused update finds everything made: nothing is created twice.
      await emulator.resetRequests();
      await second.up();
      assert.strictEqual((await emulator.requests())["POST /v2/campaigns"], undefined);
      assert.strictEqual(await emulator.campaignCount(), NAMES.length);
    });
  });
}
