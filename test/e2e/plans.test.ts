import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { TEST_API_KEY, TEST_MONDAY, TestEmulator, startTestEmulator } from "../support/emulator";
import { readPlan, renderPlan } from "../../cli/explain/plan";
import { CampaignSpec, PulumiStack, RunResult, campaignSpec, pulumiCliDir } from "./support/pulumi-stack";

/**
 * "Apply exactly what was reviewed" (docs/gitops.md): `pulumi preview --save-plan plan.json` in the pull
 * request, `pulumi up --plan plan.json` on merge. Any edit made after the review is refused by the engine
 * before anything is sent to vox.ai, and the refusal, which prints the changed inputs' values, shows no
 * callee number: the engine only ever holds the list sealed (provider/campaign/packed-tasks.ts).
 */

/** Callee numbers of the reviewed stack, and of the edits: none may be printed in any form. */
const NUMBERS = ["010-7391-4826", "010-5820-1937", "010-6473-2918", "010-3184-7265", "010-9052-6371", "010-2719-8345"];
const [ALPHA_1, ALPHA_2, BETA_1, BETA_2, ADDED, CHANGED] = NUMBERS;

/** Every spelling of a number a message could carry: as written, digits, without the trunk 0, +82, and each half. */
function numberForms(number: string): string[] {
  const digits = number.replace(/\D/g, "");
  const [, middle, last] = number.split("-");
  return [number, digits, digits.slice(1), `+82${digits.slice(1)}`, `+82 ${number.slice(1)}`, `${middle}${last}`, `${middle}-${last}`];
}

const FORMS = NUMBERS.flatMap(numberForms);

function assertNoNumber(what: string, result: RunResult): void {
  const text = result.stdout + result.stderr;
  for (const form of FORMS) assert.ok(!text.includes(form), `${what} printed a callee number (${form.slice(0, 3)}…)`);
}

const WINDOW = { windows: [{ days: ["Monday", "Tuesday"], start: "09:00", end: "12:00" }], timezone: "Asia/Seoul", autoResume: true };

/** The reviewed program: inline tasks, a contact-list file, and one with more fields to edit. */
function reviewed(): CampaignSpec[] {
  return [
    campaignSpec("alpha", {
      tasks: [
        { callTo: ALPHA_1, dynamicVariables: { customerName: "김민수" }, metadata: { crmId: "C-1" } },
        { callTo: ALPHA_2, dynamicVariables: { customerName: "이서연" } },
      ],
      callTimeWindow: WINDOW,
      // The change under review (in place): the plan holds it.
      name: REVIEWED_NAME,
    }),
    campaignSpec("beta", { tasks: undefined, tasksFile: "beta.csv", callTimeWindow: WINDOW }),
    campaignSpec("gamma", {
      agentVersion: "production",
      presentationNumber: "02-1234-5679",
      scheduledAt: `${TEST_MONDAY}T18:00:00+09:00`,
      callTimeWindow: WINDOW,
      tasks: [{ callTo: ALPHA_1, metadata: { segment: "a" } }],
    }),
  ];
}

const REVIEWED_NAME = "Campaign alpha, as reviewed";
const BETA_CSV = `phone,var.customerName\n${BETA_1},박지훈\n${BETA_2},최유진\n`;

type Edit = { what: string; edit: (specs: CampaignSpec[], dir: string) => CampaignSpec[] | void };

const args = (specs: CampaignSpec[], name: string) => specs.find((spec) => spec.name === name)!.args as Record<string, any>;
const alpha = (specs: CampaignSpec[]) => args(specs, "alpha");
const gamma = (specs: CampaignSpec[]) => args(specs, "gamma");

/** Edits made after the review, each alone on the reviewed program. */
const EDITS: Edit[] = [
  { what: "a number added", edit: (s) => void alpha(s).tasks.push({ callTo: ADDED }) },
  { what: "a number changed", edit: (s) => void (alpha(s).tasks[1].callTo = CHANGED) },
  { what: "a task removed", edit: (s) => void alpha(s).tasks.pop() },
  { what: "a prompt variable changed", edit: (s) => void (alpha(s).tasks[0].dynamicVariables.customerName = "김민준") },
  { what: "task metadata edited", edit: (s) => void (alpha(s).tasks[0].metadata.crmId = "C-2") },
  { what: "a task's own caller id added", edit: (s) => void (alpha(s).tasks[0].presentationNumber = "02-1234-5670") },
  {
    what: "a window moved",
    edit: (s) => void (alpha(s).callTimeWindow = { ...WINDOW, windows: [{ ...WINDOW.windows[0], start: "10:00" }] }),
  },
  {
    what: "the window's days changed",
    edit: (s) => void (alpha(s).callTimeWindow = { ...WINDOW, windows: [{ ...WINDOW.windows[0], days: ["Friday"] }] }),
  },
  { what: "the timezone changed", edit: (s) => void (alpha(s).callTimeWindow = { ...WINDOW, timezone: "Asia/Tokyo" }) },
  { what: "autoResume flipped", edit: (s) => void (alpha(s).callTimeWindow = { ...WINDOW, autoResume: false }) },
  { what: "concurrency raised", edit: (s) => void (alpha(s).concurrency = 8) },
  { what: "the reviewed change taken back", edit: (s) => void (alpha(s).name = "Campaign alpha") },
  { what: "paused flipped", edit: (s) => void (alpha(s).paused = true) },
  { what: "the name changed again", edit: (s) => void (alpha(s).name = "Renamed after review") },
  { what: "the caller id changed", edit: (s) => void (gamma(s).callFrom = "02-1234-5670") },
  { what: "the presentation number changed", edit: (s) => void (gamma(s).presentationNumber = "02-1234-5671") },
  { what: "the agent version changed", edit: (s) => void (gamma(s).agentVersion = "v2") },
  { what: "the agent changed", edit: (s) => void (gamma(s).agentId = "4a2d3b0f-9c8e-4d7f-8a21-3b4c5d6e7f80") },
  { what: "scheduledAt moved", edit: (s) => void (gamma(s).scheduledAt = `${TEST_MONDAY}T19:00:00+09:00`) },
  { what: "a campaign added", edit: (s) => [...s, campaignSpec("delta", { tasks: [{ callTo: ADDED }] })] },
  { what: "a campaign removed", edit: (s) => s.filter((spec) => spec.name !== "gamma") },
  { what: "the list file edited: a number changed", edit: (_, dir) => write(dir, "beta.csv", BETA_CSV.replace(BETA_2, CHANGED)) },
  { what: "the list file edited: a row added", edit: (_, dir) => write(dir, "beta.csv", `${BETA_CSV}${ADDED},정하늘\n`) },
  {
    what: "the list file swapped for another",
    edit: (s, dir) => {
      write(dir, "other.csv", `phone\n${ADDED}\n`);
      args(s, "beta").tasksFile = "other.csv";
    },
  },
];

function write(dir: string, file: string, text: string): void {
  fs.writeFileSync(path.join(dir, file), text);
}

/** Requests that change something in vox.ai. */
const isWrite = (key: string) => !key.startsWith("GET ") && !key.endsWith("/list");

describe("end to end: update plans apply exactly what was reviewed", function () {
  this.timeout(30 * 60_000);
  let emulator: TestEmulator;
  let stack: PulumiStack;
  before(async function () {
    const cliDir = pulumiCliDir();
    emulator = await startTestEmulator();
    stack = await PulumiStack.create(cliDir, emulator.url, TEST_API_KEY);
    await stack.ok("config", "set", "vox:requestsPerSecond", "1000");
  });
  after(async () => {
    stack.remove();
    await emulator.close();
  });

  const writes = async () => Object.entries(await emulator.requests()).filter(([key]) => isWrite(key));

  it(`refuses each of ${EDITS.length} edits made after the review with no write request and no number printed, then applies the plan as reviewed`, async () => {
    write(stack.dir, "beta.csv", BETA_CSV);
    stack.setCampaigns(
      reviewed().map((spec) => (spec.name === "alpha" ? { ...spec, args: { ...spec.args, name: "Campaign alpha" } } : spec)),
    );
    await stack.up();
    stack.setCampaigns(reviewed());
    // As examples/ci runs them: both commands read vox.ai first (--refresh).
    const preview = await stack.ok("preview", "--refresh", "--save-plan", "plan.json", "--json");
    assertNoNumber("preview --save-plan", preview);
    const plan = fs.readFileSync(path.join(stack.dir, "plan.json"), "utf8");
    for (const form of FORMS) assert.ok(!plan.includes(form), `the plan file holds a callee number (${form.slice(0, 3)}…)`);
    const review = renderPlan(readPlan(JSON.parse(plan)), "plan.json", Date.now());
    assert.match(review, /\| `alpha` \| ✏️ update \| name \| 2 tasks, digest `hmac-sha256:/);
    assertNoNumber("explain plan.json", { code: 0, stdout: review, stderr: "" });

    const refusedWithout: string[] = [];
    for (const [i, { what, edit }] of EDITS.entries()) {
      write(stack.dir, "beta.csv", BETA_CSV);
      const specs = reviewed();
      stack.setCampaigns(edit(specs, stack.dir) ?? specs);
      await emulator.resetRequests();
      // Every other edit with --json: the engine's event stream carries the values too. Never with
      // --skip-preview: the preview of `up` checks the whole plan before any step runs, while without it
      // a campaign the plan allows would be changed before the engine reached the refused one.
      const up = await stack.run("up", "--refresh", "--plan", "plan.json", "--yes", ...(i % 2 ? ["--json"] : []));
      assert.notStrictEqual(up.code, 0, `${what}: up --plan applied an edit made after the review\n${up.stdout}`);
      assert.match(up.stdout + up.stderr, /plan/i, `${what}: refused for another reason\n${up.stdout}\n${up.stderr}`);
      assert.deepStrictEqual(await writes(), [], `${what}: requests that change vox.ai were sent`);
      assertNoNumber(`up --plan after "${what}"`, up);
      if (!/violat|not allowed|plan/i.test(up.stdout + up.stderr)) refusedWithout.push(what);
    }
    assert.deepStrictEqual(refusedWithout, []);

    write(stack.dir, "beta.csv", BETA_CSV);
    stack.setCampaigns(reviewed());
    await emulator.resetRequests();
    const applied = await stack.run("up", "--refresh", "--plan", "plan.json", "--yes");
    assert.strictEqual(applied.code, 0, `the reviewed program: ${applied.stdout}\n${applied.stderr}`);
    assertNoNumber("up --plan of the reviewed program", applied);
    assert.deepStrictEqual(
      (await writes()).map(([key, count]) => `${key} ×${count}`),
      ["PATCH /v3/campaigns/{id} ×1"],
      "only the reviewed change",
    );
  });
  it("applies the plan of an unchanged program every time, across 50 campaigns: create, an update of each, nothing", async () => {
    const fifty = await PulumiStack.create(pulumiCliDir(), emulator.url, TEST_API_KEY, undefined, { stackName: "fifty" });
    await fifty.ok("config", "set", "vox:requestsPerSecond", "1000");
    const callee = (i: number, j: number) => `010-4${String(i).padStart(3, "0")}-${5000 + j}`;
    const specs = (name: (i: number) => string) =>
      Array.from({ length: 50 }, (_, i) =>
        campaignSpec(`c${i}`, {
          name: name(i),
          tasks: [0, 1].map((j) => ({ callTo: callee(i, j), dynamicVariables: { n: `${i}-${j}` } })),
        }),
      );
    const numbers = Array.from({ length: 50 }, (_, i) => [0, 1].map((j) => callee(i, j).replace(/\D/g, ""))).flat();
    try {
      const rounds: [string, CampaignSpec[], Record<string, number>][] = [
        ["create", specs((i) => `Campaign ${i}`), { "POST /v2/campaigns": 50 }],
        ["rename", specs((i) => `Campaign ${i}, renamed`), { "PATCH /v3/campaigns/{id}": 50 }],
        ["unchanged", specs((i) => `Campaign ${i}, renamed`), {}],
      ];
      for (const [round, declared, expected] of rounds) {
        fifty.setCampaigns(declared);
        await fifty.ok("preview", "--refresh", "--save-plan", "plan.json");
        await emulator.resetRequests();
        const applied = await fifty.run("up", "--refresh", "--plan", "plan.json", "--yes");
        assert.strictEqual(
          applied.code,
          0,
          `${round}: the plan of the unchanged program was refused\n${applied.stdout}\n${applied.stderr}`,
        );
        const sent = Object.fromEntries((await writes()).filter(([key]) => !key.endsWith("/pause")));
        assert.deepStrictEqual(sent, expected, `${round}: requests sent`);
        const text = applied.stdout + applied.stderr;
        assert.ok(!numbers.some((number) => text.includes(number)), `${round}: a callee number was printed`);
      }
    } finally {
      fifty.remove();
    }
  });
});
