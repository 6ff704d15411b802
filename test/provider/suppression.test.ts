import * as assert from "assert";
import * as fs from "fs";
import * as iconv from "iconv-lite";
import * as os from "os";
import * as path from "path";
import { CampaignApi } from "../../provider/api/campaigns";
import { VoxHttpClient } from "../../provider/api/http";
import { resolveSettings } from "../../provider/api/settings";
import { taskKeys, taskListOf } from "../../provider/campaign/packed-tasks";
import { CampaignController } from "../../provider/runtime/controller";
import { SuppressionListError, readSuppressionList, suppressionHash } from "../../provider/suppression";
import { assertNoPhoneNumbers, problemsOf } from "../gitops/helpers";
import { ManualClock } from "../support/clock";
import { MONDAY_07_KST, TEST_API_KEY, TestEmulator, startTestEmulator } from "../support/emulator";
import { rawInputs } from "../support/inputs";
import { checked, configureProvider, provider } from "../support/provider";

/** No message, state or output may hold a number in full. */
const assertNoNumbers = assertNoPhoneNumbers;

/** rawInputs' tasks call these two. */
const FIRST = "01012345678";
const SECOND = "01023456789";

/** Files in a temp folder that is the provider's working directory (its project folder) while the tests run. */
function useListFolder(): { file: (name: string) => string; write: (files: Record<string, string | Buffer>) => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vox-suppression-"));
  const startedIn = process.cwd();
  before(() => process.chdir(dir));
  after(() => {
    process.chdir(startedIn);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    file: (name) => path.join(dir, name),
    write: (files) => {
      for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
    },
  };
}

/** The problems of a suppression list that must fail to read. */
const listProblems = (spec: Parameters<typeof readSuppressionList>[0]): string[] =>
  problemsOf(SuppressionListError, () => readSuppressionList(spec));

describe("suppression lists", () => {
  const folder = useListFolder();
  folder.write({
    "dnc.csv": `phone,name\n010-1234-5678,a\n+82 10 9999 8888,b\n`,
    "cp949.csv": iconv.encode(`휴대폰,이름\n010 1234 5678,김민수\n`, "cp949"),
    "optout.sha256": `# opt-outs of 2026-11\n\n${suppressionHash("010-2345-6789").toUpperCase()}\n`,
    "bad.csv": `phone\n010-1234-5678\n010-2345-678x\n\n,name-only\n`,
    "clear.sha256": `${suppressionHash(SECOND)}\n010-1234-5678\n`,
    "nocolumn.csv": `number\n01012345678\n`,
    "list.txt": `01012345678\n`,
  });

  describe("reading", () => {
    it("reads a CSV's phone column with the numbers normalized as tasks are", () => {
      const list = readSuppressionList("dnc.csv");
      assert.strictEqual(list.size, 2);
      assert.ok(list.has(FIRST));
      assert.ok(list.has("01099998888"), "+82 10 … normalizes to 010…");
      assert.ok(!list.has(SECOND));
    });

    it("reads CP949 with a named column, as tasksFile does", () => {
      const list = readSuppressionList({ path: "cp949.csv", phoneColumn: "휴대폰" });
      assert.ok(list.has(FIRST));
      assert.strictEqual(list.size, 1);
    });

    it("reads a hashed list: one SHA-256 of the normalized digits a line, comments and blank lines skipped, any case", () => {
      const list = readSuppressionList("optout.sha256");
      assert.strictEqual(list.size, 1);
      assert.ok(list.has(SECOND));
      assert.ok(!list.has(FIRST));
      assert.strictEqual(suppressionHash("+82 10-2345-6789"), suppressionHash(SECOND));
    });

    it("names file, line and column of every bad row, never the number", () => {
      assert.deepStrictEqual(
        listProblems("bad.csv").map((problem) => problem.slice(0, problem.indexOf(": "))),
        ["bad.csv:3 column phone", "bad.csv:5 column phone"],
      );
    });

    it("refuses a hashed list holding a number in clear, naming its line only", () => {
      const [problem, ...rest] = listProblems("clear.sha256");
      assert.deepStrictEqual(rest, []);
      assert.match(problem, /^clear\.sha256:2: is not a SHA-256/);
    });

    it("refuses a CSV without the phone column, a file of another kind, and a file outside the project folder", () => {
      assert.match(listProblems("nocolumn.csv")[0], /nocolumn\.csv:1: has no column "phone"/);
      assert.match(listProblems("list.txt")[0], /must be a \.csv file of numbers or a \.sha256 hashed list/);
      assert.match(listProblems("/etc/hosts.csv")[0], /outside the project folder/);
    });

    it("reads a 100,000-entry list and checks 10,000 tasks against it (timed by bench/, not here)", async () => {
      const numbers = Array.from({ length: 100_000 }, (_, i) => `010${String(20_000_000 + i)}`);
      folder.write({ "big.csv": `phone\n${numbers.join("\n")}\n` });
      const tasks = Array.from({ length: 10_000 }, (_, i) => ({ callTo: `010${String(20_095_000 + i)}` }));
      const result = await controller(TEST_API_KEY).check(rawInputs({ tasks, suppressionLists: ["big.csv"] }));
      assert.deepStrictEqual(result.failures, []);
      assert.strictEqual(result.inputs.taskCount, 5_000);
      assert.deepStrictEqual(
        (result.inputs.suppression as { removed: number; entries: number }[]).map(({ removed, entries }) => [removed, entries]),
        [[5_000, 100_000]],
      );
    });
  });

  /** A controller with no emulator behind it: check makes no request (adoptId aside). */
  const controller = (apiKey: string | undefined) => {
    const clock = new ManualClock(MONDAY_07_KST);
    const config: Record<string, string | undefined> = { "vox:apiKey": apiKey, "vox:baseUrl": "http://127.0.0.1:9" };
    return new CampaignController(new CampaignApi(new VoxHttpClient(resolveSettings({ get: (key) => config[key] }, {}), clock)), clock);
  };

  describe("check", () => {
    it("removes the tasks on any list, recording per list its size, keyed digest and removals, and says so in counts", async () => {
      const result = await controller(TEST_API_KEY).check(rawInputs({ suppressionLists: ["dnc.csv"] }));
      assert.deepStrictEqual(result.failures, []);
      assert.deepStrictEqual(
        (result.inputs.tasks as { callTo: string }[]).map((task) => task.callTo),
        [SECOND],
      );
      assert.strictEqual(result.inputs.taskCount, 1);
      const [summary] = result.inputs.suppression as Record<string, unknown>[];
      assert.deepStrictEqual(
        { ...summary, digest: undefined },
        { list: "dnc.csv", format: "csv", entries: 2, digest: undefined, removed: 1 },
      );
      assert.match(String(summary.digest), /^hmac-sha256:[0-9a-f]{64}$/);
      assert.deepStrictEqual(result.warnings, [
        "suppressionLists: 1 of 2 tasks are on suppression lists and will not be called (dnc.csv 1)",
      ]);
      assertNoNumbers(JSON.stringify({ ...result.inputs, tasks: undefined, suppressionLists: result.inputs.suppressionLists }));
    });

    it("keys the digest by the API key, and records none without a key", async () => {
      const digest = async (key: string | undefined) =>
        ((await controller(key).check(rawInputs({ suppressionLists: ["dnc.csv"] }))).inputs.suppression as { digest: unknown }[])[0].digest;
      const [mine, other, none] = [await digest(TEST_API_KEY), await digest("another-key"), await digest(undefined)];
      assert.notStrictEqual(mine, other);
      assert.strictEqual(none, null);
    });

    it("takes the tasks of a tasksFile out the same way, with the digest of the tasks left", async () => {
      folder.write({ "contacts.csv": `phone\n010-1234-5678\n010-2345-6789\n` });
      const fromFile = await controller(TEST_API_KEY).check(
        rawInputs({ tasks: undefined, tasksFile: folder.file("contacts.csv"), suppressionLists: ["optout.sha256"] }),
      );
      const inline = await controller(TEST_API_KEY).check(rawInputs({ tasks: [{ callTo: FIRST }] }));
      assert.deepStrictEqual(fromFile.failures, []);
      assert.strictEqual(fromFile.inputs.taskCount, 1);
      assert.strictEqual(fromFile.inputs.tasksDigest, inline.inputs.tasksDigest);
    });

    it("fails when every task is suppressed, and names a bad list's file and line on suppressionLists[i]", async () => {
      const all = await controller(TEST_API_KEY).check(rawInputs({ suppressionLists: ["dnc.csv", "optout.sha256"] }));
      assert.deepStrictEqual(
        all.failures.map((f) => f.property),
        ["suppressionLists"],
      );
      assert.match(all.failures[0].reason, /every task is on a suppression list \(dnc\.csv 1, optout\.sha256 1 removed\)/);
      const bad = await controller(TEST_API_KEY).check(rawInputs({ suppressionLists: ["dnc.csv", "bad.csv"] }));
      assert.deepStrictEqual(
        bad.failures.map((f) => f.reason.slice(0, f.reason.indexOf(": ", f.reason.indexOf(": ") + 2))),
        ["suppressionLists[1]: bad.csv:3 column phone", "suppressionLists[1]: bad.csv:5 column phone"],
      );
      bad.failures.forEach((failure) => assertNoNumbers(failure.reason));
    });

    it("refuses a list given as something other than paths, naming the entry", async () => {
      const result = await controller(TEST_API_KEY).check(rawInputs({ suppressionLists: [{ path: "dnc.csv", colum: "x" }] }));
      assert.match(result.failures[0].reason, /^suppressionLists\[0\]\.colum: /);
    });
  });
});

describe("suppression lists in the provider", () => {
  const folder = useListFolder();
  let emulator: TestEmulator;
  let dataFile: string;
  before(async () => {
    dataFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vox-suppression-data-")), "data.json");
    emulator = await startTestEmulator({ dataFile });
  });
  beforeEach(async () => {
    await configureProvider(emulator.url);
    await emulator.resetRequests();
  });
  after(() => emulator.close());

  /** The numbers of every campaign the emulator holds, from its own data file (closing it writes the file). */
  const numbersInTheEmulator = async (): Promise<string[]> => {
    await emulator.close();
    const saved = JSON.parse(fs.readFileSync(dataFile, "utf8")) as { campaigns: { tasks: { call_to?: string; callTo?: string }[] }[] };
    emulator = await startTestEmulator({ dataFile });
    await configureProvider(emulator.url);
    return saved.campaigns.flatMap((campaign) => campaign.tasks.map((task) => task.callTo ?? task.call_to ?? ""));
  };

  let campaigns = 0;
  const declared = (overrides: Record<string, unknown>) => rawInputs({ name: `Suppressed ${++campaigns}`, ...overrides });

  it("creates with the tasks left: the suppressed number never reaches vox.ai", async () => {
    folder.write({ "dnc.csv": `phone\n010-1234-5678\n` });
    const inputs = await checked(declared({ suppressionLists: [folder.file("dnc.csv")] }));
    assert.deepStrictEqual(
      (taskListOf(inputs.tasks, taskKeys({ apiKey: TEST_API_KEY })) as { tasks: { callTo: string }[] }).tasks.map((t) => t.callTo),
      [SECOND],
    );
    const { id, outs } = await provider.create(inputs);
    assert.deepStrictEqual(await emulator.requests(), { "POST /v2/campaigns/list": 1, "POST /v2/campaigns": 1 });
    assert.strictEqual(outs.taskCount, 1);
    assertNoNumbers(JSON.stringify(outs));
    assert.strictEqual((await emulator.campaign(id)).total_calls, 1);
    const numbers = await numbersInTheEmulator();
    assert.ok(numbers.includes(SECOND));
    assert.ok(!numbers.includes(FIRST), "the suppressed number reached the emulator");
  });

  it("refuses a create when a list changed after check", async () => {
    folder.write({ "moving.csv": `phone\n010-1234-5678\n` });
    const inputs = await checked(declared({ suppressionLists: [folder.file("moving.csv")] }));
    folder.write({ "moving.csv": `phone\n010-1234-5678\n010-9999-8888\n` });
    await assert.rejects(provider.create(inputs), /SUPPRESSION_LIST_CHANGED.*moving\.csv changed after it was checked/s);
    assert.deepStrictEqual(await emulator.requests(), {});
  });

  it("records a list change that removes none of its tasks without a request, and replaces for one that does", async () => {
    folder.write({ "grows.csv": `phone\n010-9999-8888\n` });
    const inputs = await checked(declared({ suppressionLists: [folder.file("grows.csv")] }));
    const { id, outs } = await provider.create(inputs);
    // A number of no task of this campaign: the list's size changes, nothing else.
    folder.write({ "grows.csv": `phone\n010-9999-8888\n010-7777-6666\n` });
    const grown = await checked({ ...inputs, tasks: undefined, ...declaredAgain(inputs) });
    assert.deepStrictEqual(await provider.diff(id, outs, grown), { changes: true, replaces: [], deleteBeforeReplace: false });
    await emulator.resetRequests();
    const updated = (await provider.update(id, outs, grown)).outs!;
    assert.deepStrictEqual(await emulator.requests(), {}, "a record-only change sends nothing");
    assert.strictEqual((updated.suppression as { entries: number }[])[0].entries, 2);
    // A number of this campaign: its list changes, which replaces it (the redial guard allows it: no call placed yet).
    folder.write({ "grows.csv": `phone\n010-9999-8888\n010-7777-6666\n010-1234-5678\n` });
    const removing = await checked({ ...inputs, tasks: undefined, ...declaredAgain(inputs) });
    assert.strictEqual(removing.taskCount, 1);
    const diff = await provider.diff(id, updated, removing);
    assert.deepStrictEqual(diff.replaces, ["tasks"]);
  });

  it("refuses that replace once the campaign has placed calls (the redial guard), saying what stops the calls", async () => {
    folder.write({ "late.csv": `phone\n010-9999-8888\n` });
    const inputs = await checked(declared({ suppressionLists: [folder.file("late.csv")], callTimeWindow: undefined }));
    const { id, outs } = await provider.create(inputs);
    await emulator.advance(6 * 60 * 60 * 1000);
    folder.write({ "late.csv": `phone\n010-9999-8888\n010-1234-5678\n` });
    const removing = await checked({ ...inputs, tasks: undefined, ...declaredAgain(inputs) });
    await assert.rejects(provider.diff(id, outs, removing), (error: Error) => {
      assert.match(error.message, /REDIAL_GUARD/);
      assert.match(error.message, /suppression lists now take 1 more of its tasks out, but vox\.ai cannot remove a task/);
      assertNoNumbers(error.message);
      return true;
    });
  });

  /** The program's declaration again (its full task list), as the next `up` sends it to check. */
  function declaredAgain(inputs: Record<string, unknown>): Record<string, unknown> {
    return { ...rawInputs({ name: inputs.name, suppressionLists: inputs.suppressionLists }), nameMarker: inputs.nameMarker };
  }
});
