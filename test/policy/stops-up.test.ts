import * as assert from "assert";
import { totalRequests } from "../support/emulator";
import { campaignSpec, useStackPerTest } from "../e2e/support/pulumi-stack";
import { runWithPolicies } from "./support";

/** The callee, in every form a leak could take. */
const NUMBER = "010-4321-8765";
const WHOLE_NUMBER_FORMS = [NUMBER, NUMBER.replace(/-/g, ""), "+82 10-4321-8765", "4321-8765", "43218765"];

describe("policy pack: a mandatory violation stops `pulumi up` (real CLI, emulator)", function () {
  this.timeout(10 * 60_000);
  const { stack, emulator } = useStackPerTest();

  for (const json of [false, true]) {
    it(`before any API request, and no output holds a whole number${json ? " (--json)" : ""}`, async () => {
      // A night window (mandatory), and the same number in a second campaign on the same day (advisory,
      // whose message shows numbers masked). Without a preview first (--skip-preview), a mandatory violation
      // stops only the campaign that has it, so there the second campaign calls at night too (the engine then
      // stops at the first violation, before the same-day rule sees the second).
      const night = { windows: [{ days: ["Monday"], start: "20:00", end: "23:00" }] };
      const second = json ? { callTimeWindow: night } : {};
      stack().setCampaigns([
        campaignSpec("night", { tasks: [{ callTo: NUMBER }], callTimeWindow: night, presentationNumber: "02-1234-5678" }),
        campaignSpec("day", { tasks: [{ callTo: NUMBER }], presentationNumber: "02-1234-5678", ...second }),
      ]);
      await emulator().resetRequests();
      // With --json, the update itself (no preview first) streams the engine's events, policy events included.
      const command = ["up", "--yes", ...(json ? ["--skip-preview", "--json"] : [])];
      const { result, violations } = await runWithPolicies(stack(), command);
      assert.notStrictEqual(result.code, 0, result.stdout);
      if (!json) {
        assert.ok(violations.some((v) => v.policy === "vox-night-calls" && v.resource === "night" && v.level === "mandatory"));
        assert.ok(
          violations.some((v) => v.policy === "vox-same-day-numbers" && /010\*+65/.test(v.message)),
          result.stdout,
        );
      } else {
        const events = result.stdout
          .split("\n")
          .filter((line) => line.startsWith("{"))
          .map((line) => JSON.parse(line));
        const policyEvents = events.filter((event) => event.policyEvent).map((event) => event.policyEvent);
        assert.ok(
          policyEvents.some((event) => event.policyName === "vox-night-calls" && event.enforcementLevel === "mandatory"),
          result.stdout,
        );
      }
      assert.strictEqual(totalRequests(await emulator().requests()), 0, "no request reached the API");
      assert.strictEqual(await emulator().campaignCount(), 0);
      for (const form of WHOLE_NUMBER_FORMS) {
        assert.ok(!result.stdout.includes(form) && !result.stderr.includes(form), `the output holds ${form}`);
      }
    });
  }
});
