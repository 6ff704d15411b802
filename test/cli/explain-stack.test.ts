import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { main } from "../../cli/index";
import { ManualClock } from "../support/clock";
import { campaignSpec, useStackPerTest } from "../e2e/support/pulumi-stack";

const HEADER = "phone,caller_id,var.customerName";
const ROWS = ["010-3456-7890,,박지훈", "010-4567-8901,02-1234-5679,최유진", "010-5678-9012,,정하늘"];

/**
 * `pulumi-vox explain` over a real preview of four campaigns (an update, a replace for a changed contact
 * list, a rename through `aliases`, a create that starts paused), in a git checkout as a pull request's.
 */
describe("pulumi-vox explain on a real preview of four campaigns", function () {
  this.timeout(10 * 60_000);
  const current = useStackPerTest();

  const git = (dir: string, ...args: string[]) =>
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: dir, stdio: "pipe" });

  it("a table first, the stack, list changes in counts, the rename, the paused create's window, the caller id and the state's age", async () => {
    const [stack, emulator] = [current.stack(), current.emulator()];
    const contacts = path.join(stack.dir, "contacts.csv");
    fs.writeFileSync(contacts, [HEADER, ...ROWS].join("\n") + "\n");
    stack.setCampaigns([
      campaignSpec("reminder"),
      campaignSpec("vip-followup", { tasks: undefined, tasksFile: contacts }),
      campaignSpec("old-name"),
    ]);
    await stack.up();
    git(stack.dir, "init", "-q");
    git(stack.dir, "add", "contacts.csv", "campaigns.json");
    git(stack.dir, "commit", "-qm", "deployed");

    // The pull request: one row removed, one changed, one added; a window moved; a rename; a new paused campaign.
    fs.writeFileSync(contacts, [HEADER, ROWS[0], "010-4567-8901,02-1234-5679,최유진 님", "010-6789-0123,,한결"].join("\n") + "\n");
    stack.setCampaigns([
      campaignSpec("reminder", { callTimeWindow: { windows: [{ days: ["Monday"], start: "09:00", end: "13:00" }] } }),
      campaignSpec("vip-followup", { tasks: undefined, tasksFile: contacts }),
      { ...campaignSpec("new-name", { name: "Campaign old-name" }), opts: { aliases: [{ name: "old-name" }] } as never },
      campaignSpec("held", { paused: true, presentationNumber: "1588-1234" }),
    ]);
    const preview = await stack.run("preview", "--json", "--show-sames");
    assert.strictEqual(preview.code, 0, preview.stderr);
    const file = path.join(stack.dir, "preview.json");
    fs.writeFileSync(file, preview.stdout);

    const out: string[] = [];
    const err: string[] = [];
    const clock = new ManualClock(await emulator.now()); // Monday 07:00 in Seoul
    const code = await main(["explain", file, "--base", "HEAD"], { out: (l) => out.push(l), err: (l) => err.push(l) }, clock);
    assert.strictEqual(code, 0, err.join("\n"));
    const markdown = out.join("\n");

    assert.match(
      markdown,
      /^## vox campaigns in this preview of stack `e2e`\n\n\*\*1 to create · 1 to update · 1 to replace · 1 unchanged\*\*\n\n\| Campaign \| Change \| Tasks \| Call windows \|\n/,
    );
    const rows = markdown.split("\n").filter((line) => /^\| `/.test(line));
    assert.deepStrictEqual(
      rows.map((row) => row.split(" | ")[0].slice(2)),
      ["`held`", "`new-name`", "`reminder`", "`vip-followup`"],
    );
    assert.match(rows[1], /unchanged, renamed from `old-name`/);
    assert.match(rows[3], /♻️ replace \| \+1 added, −1 removed, 1 changed from contacts\.csv \(3 → 3 tasks\)/);
    assert.match(markdown, /### `new-name`: Renamed from `old-name` through `aliases`: the same campaign, nobody is called again/);
    assert.match(
      markdown,
      /- ⏸ created paused: no calls are placed until someone resumes it\. No call window is open now \(Mon 07:00 Asia\/Seoul\); the next opens Mon 09:00\./,
    );
    assert.match(markdown, /- Caller id people see: 158\*+34 \(`presentationNumber`\); a task's own `presentationNumber` wins/);
    assert.match(markdown, /^State: (as recorded \d+ (min|h) ago|this preview does not say how old)/m);
    assert.doesNotMatch(markdown, /010\d{8}|010-\d{4}-\d{4}/, "no phone number in the summary");

    // With --refresh the engine reads every campaign first; explain says so, and a refresh step is no campaign of its own.
    const refreshed = await stack.run("preview", "--json", "--show-sames", "--refresh");
    assert.strictEqual(refreshed.code, 0, refreshed.stderr);
    fs.writeFileSync(file, refreshed.stdout);
    const again: string[] = [];
    assert.strictEqual(await main(["explain", file], { out: (l) => again.push(l), err: () => undefined }, clock), 0);
    assert.match(again.join("\n"), /^State: read from vox\.ai by this preview \(`--refresh`\)\.$/m);
    assert.doesNotMatch(again.join("\n"), /^\| `old-name`/m);
  });
});
