import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import { Client } from "../support/emulator";
import { AGENT_ID } from "../support/inputs";

const ROOT = resolve(__dirname, "../..");
const README = readFileSync(join(ROOT, "emulator/README.md"), "utf8");

/** The section of the README that tells a CI how to run a stack against the emulator. */
function ciSection(): string {
  const start = README.indexOf("## Point the provider at it (your CI)");
  assert.ok(start >= 0, "the README has its CI section");
  return README.slice(start, README.indexOf("\n## ", start + 1));
}

/** The body of the first fenced block of `language` in `text`. */
function fencedBlock(text: string, language: string): string {
  const match = new RegExp("```" + language + "\\n([\\s\\S]*?)```").exec(text);
  assert.ok(match, `a ${language} block`);
  return match[1];
}

/** A project like a user's: one campaign, pulumi-vox from this repository (its node_modules links it). */
const PROGRAM = `import * as vox from "pulumi-vox";

const campaign = new vox.Campaign("reminder", {
  name: "CI reminder",
  agentId: "${AGENT_ID}",
  callFrom: "02-1234-5678",
  tasks: [{ callTo: "010-1234-5678" }],
});
export const id = campaign.id;
`;

describe("emulator README: the CI script", function () {
  this.timeout(10 * 60_000);

  it("the GitHub Actions job runs the shell script word for word", () => {
    const section = ciSection();
    const steps = fencedBlock(section, "yaml").split("\n");
    const runAt = steps.findIndex((line) => /^\s+run: \|$/.test(line));
    assert.ok(runAt >= 0, "a run: | step");
    const indent = /^\s*/.exec(steps[runAt + 1])![0];
    const script = steps
      .slice(runAt + 1)
      .filter((line) => line !== "")
      .map((line) => line.slice(indent.length));
    assert.deepEqual(
      script,
      fencedBlock(section, "sh")
        .trimEnd()
        .split("\n")
        .filter((line) => line !== ""),
    );
  });

  it("the shell script starts the emulator, sets up a file backend and a stack, and creates the campaign", async function () {
    this.timeout(30 * 60_000); // a cold Pulumi CLI build, when no cache exists yet
    const cliDir = execFileSync("bash", [join(ROOT, "scripts/ensure-pulumi-cli.sh")], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    })
      .trim()
      .split("\n")
      .pop()!;
    const project = mkdtempSync(join(tmpdir(), "vox-readme-ci-"));
    writeFileSync(join(project, "Pulumi.yaml"), "name: vox-readme-ci\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n");
    writeFileSync(join(project, "index.ts"), PROGRAM);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "vox-readme-ci", private: true }));
    symlinkSync(join(ROOT, "node_modules"), join(project, "node_modules"), "dir");
    // Its own process group, so that the emulator the script leaves running can be stopped with it.
    const script = spawn("bash", ["-c", fencedBlock(ciSection(), "sh")], {
      cwd: project,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        PATH: `${cliDir}${delimiter}${process.env.PATH}`,
        PULUMI_HOME: join(project, ".pulumi-home"),
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_NODEJS_TRANSPILE_ONLY: "true",
        PULUMI_BACKEND_URL: "",
        PULUMI_CONFIG_PASSPHRASE: "",
        VOX_API_KEY: "",
        VOX_BASE_URL: "",
      },
    });
    let output = "";
    script.stdout.on("data", (chunk) => (output += chunk));
    script.stderr.on("data", (chunk) => (output += chunk));
    try {
      const code = await new Promise<number | null>((resolveExit) => script.once("close", resolveExit));
      assert.equal(code, 0, output);
      const url = /listening on (http:\/\/\S+)/.exec(readFileSync(join(project, "emulator.log"), "utf8"))![1];
      const campaigns = await new Client(url, "ci-test-key").get("/v3/campaigns");
      assert.equal(campaigns.body.total_count, 1);
      assert.match(campaigns.body.items[0].name, /^CI reminder \[[0-9a-f]{6}\]$/);
      assert.match(readFileSync(join(project, ".pulumi-state/.pulumi/stacks/vox-readme-ci/ci.json"), "utf8"), /CI reminder/);
    } finally {
      try {
        process.kill(-script.pid!, "SIGTERM");
      } catch {
        // The group is gone already.
      }
      rmSync(project, { recursive: true, force: true });
    }
  });
});
