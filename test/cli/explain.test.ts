import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../cli/index";
import { ManualClock } from "../support/clock";
import { capturedOutput } from "./capture";

const FIXTURES = path.join(__dirname, "../gitops/fixtures");
const MONDAY_10_KST = Date.parse("2026-11-30T10:00:00+09:00");
const SATURDAY_22_KST = Date.parse("2026-12-05T22:00:00+09:00");

function fixture(name: string): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `preview-${name}.json`), "utf8"));
}

/** `pulumi-vox explain FILE` in-process at `now`, the file holding `input` (JSON unless a string). */
async function explain(input: unknown, now = MONDAY_10_KST) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vox-explain-")), "preview.json");
  fs.writeFileSync(file, typeof input === "string" ? input : JSON.stringify(input));
  const output = capturedOutput();
  const code = await main(["explain", file], output, new ManualClock(now));
  return { code, out: output.outLines.join("\n"), err: output.errLines.join("\n") };
}

describe("pulumi-vox explain", () => {
  it("fails visibly (exit 1, the reason on stderr and in the comment) on empty input, as a failed login leaves it", async () => {
    for (const input of ["", "  \n"]) {
      const { code, out, err } = await explain(input);
      assert.strictEqual(code, 1);
      assert.match(err, /preview\.json: is empty; `pulumi preview --json` printed no preview: see its error in the step's log/);
      assert.match(out, /⛔ \*\*No summary\*\*: .*is empty/);
    }
  });

  it("fails visibly on text that is not JSON, quoting how it begins", async () => {
    const { code, out, err } = await explain("error: PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions\n");
    assert.strictEqual(code, 1);
    assert.match(err, /the input is not JSON \(it begins "error: PULUMI_ACCESS_TOKEN must be set/);
    assert.match(out, /⛔ \*\*No summary\*\*/);
    const notPreview = await explain({ hello: "world" });
    assert.strictEqual(notPreview.code, 1);
    assert.match(notPreview.err, /JSON, but not the output of `pulumi preview --json`/);
  });

  it("a campaign created paused says whether a window is open now, by the clock it is given", async () => {
    const preview = fixture("create");
    for (const step of preview.steps) if (step.newState?.inputs?.tasksDigest) step.newState.inputs.paused = true;
    const open = await explain(preview, MONDAY_10_KST);
    assert.match(
      open.out,
      /⏸ created paused: no calls are placed until someone resumes it\. A call window is open now \(Mon 10:00 Asia\/Seoul\): a resume would start calling at once\./,
    );
    const closed = await explain(preview, SATURDAY_22_KST);
    assert.match(closed.out, /No call window is open now \(Sat 22:00 Asia\/Seoul\); the next opens Mon 09:00\./);
  });

  it("says which caller id people see: the campaign's, or a task's own, counted from the contact-list file", async () => {
    const preview = fixture("create");
    const contacts = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vox-explain-")), "vip.csv");
    fs.writeFileSync(contacts, "phone,caller_id\n010-3456-7890,\n010-4567-8901,02-1234-5679\n010-5678-9012,02-1234-5679\n");
    const vip = preview.steps.find((step: { urn: string }) => step.urn.endsWith("::vip-followup"));
    vip.newState.inputs.tasksFile = contacts;
    const { out } = await explain(preview);
    assert.match(
      out,
      /### `vip-followup`: ➕ create\n\n(- .*\n)*- Caller id people see: 021\*{5}78 \(`callFrom`: no `presentationNumber`\); 2 tasks show their own `presentationNumber` instead\n/,
    );
    assert.match(out, /### `renewal-reminder`: ➕ create\n\n(- .*\n)*- Caller id people see: .*tasks are not visible in a preview/);
    assert.doesNotMatch(out, /010\d{8}|02-?1234-?5679/, "no phone number in the summary");
  });

  it("says how old the state is when the preview records it, and suggests --refresh when it does not", async () => {
    const unknown = await explain(fixture("update-window"));
    assert.match(unknown.out, /^State: this preview does not say how old the recorded campaign state is\. .*`pulumi preview --refresh`/m);
    const preview = fixture("update-window");
    for (const step of preview.steps) if (step.oldState) step.oldState.modified = new Date(MONDAY_10_KST - 3 * 3_600_000).toISOString();
    const known = await explain(preview);
    assert.match(known.out, /^State: as recorded 3 h ago \(the oldest campaign record\)\. /m);
    assert.doesNotMatch((await explain(fixture("create"))).out, /^State:/m, "a preview of creates compares against no state");
  });

  it("says what a preview without an API key could not check", async () => {
    const preview = fixture("update-window");
    delete preview.config["vox:apiKey"];
    const { code, out } = await explain(preview);
    assert.strictEqual(code, 0);
    assert.match(
      out,
      /⚠️ \*\*No `vox:apiKey` in the stack config\*\*: .*Not checked then: that the key is valid, that existing campaigns are still as state records them/,
    );
    assert.doesNotMatch((await explain(fixture("update-window"))).out, /No `vox:apiKey`/);
  });

  it("--base belongs to explain only", async () => {
    const out: string[] = [];
    const code = await main(["validate", "--base", "main"], { out: () => undefined, err: (l) => out.push(l) }, new ManualClock(0));
    assert.strictEqual(code, 2);
    assert.match(out.join("\n"), /--base is an option of explain/);
  });
});
