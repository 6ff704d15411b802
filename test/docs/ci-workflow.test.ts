import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";

interface Step {
  run?: string;
  env?: Record<string, string>;
}

const workflow = parse(fs.readFileSync(path.join(__dirname, "../../examples/ci/campaigns.yml"), "utf8"));

/** The shell of every step of a job, joined. */
function script(job: string): string {
  return (workflow.jobs[job].steps as Step[]).map((step) => step.run ?? "").join("\n");
}

/** examples/ci follows the flow docs/gitops.md describes (the e2e tests check each command's effect). */
describe("examples/ci/campaigns.yml", () => {
  it("previews pull requests against what vox.ai holds, and shows the summary in the step summary", () => {
    assert.match(
      script("preview"),
      /pulumi preview --stack "\$PULUMI_STACK" --refresh --json --show-sames --save-plan plan\.json > preview\.json/,
    );
    assert.match(
      script("preview"),
      /npx pulumi-vox explain preview\.json > summary\.md\n[\s\S]*\ncat summary\.md >> "\$GITHUB_STEP_SUMMARY"/,
    );
  });

  it("keeps the preview's update plan as the pull request run's artifact, and summarizes it", () => {
    const steps = workflow.jobs.preview.steps as (Step & { uses?: string; with?: Record<string, string>; if?: string })[];
    const upload = steps.find((step) => step.uses?.startsWith("actions/upload-artifact"));
    assert.strictEqual(upload?.with?.path, "plan.json");
    assert.strictEqual(upload?.with?.name, "vox-plan-${{ env.PULUMI_STACK }}");
    assert.match(upload?.if ?? "", /steps\.preview\.outputs\.status == '0'/, "only the plan of a preview that passed");
    assert.match(script("preview"), /npx pulumi-vox explain plan\.json/);
  });

  it("applies on main exactly the merged pull request's plan, with --refresh, never skipping the preview", () => {
    assert.match(script("up"), /gh run download "\$run" --repo "\$\{\{ github\.repository \}\}" --name "vox-plan-\$PULUMI_STACK"/);
    assert.match(script("up"), /--event pull_request --status success/);
    assert.match(script("up"), /pulumi up --stack "\$PULUMI_STACK" --refresh --plan plan\.json --yes/);
    assert.doesNotMatch(script("up"), /--skip-preview/);
    assert.strictEqual(workflow.jobs.up.permissions.actions, "read");
  });

  it("reports drift on a schedule from the engine events of a refresh preview, failing on drift", () => {
    assert.ok(workflow.on.schedule.length > 0);
    const steps = workflow.jobs.drift.steps as Step[];
    const refresh = steps.find((step) => step.run?.includes("pulumi refresh"));
    assert.strictEqual(refresh?.env?.PULUMI_ENABLE_STREAMING_JSON_PREVIEW, "true");
    assert.match(refresh?.run ?? "", /--preview-only --json > refresh\.jsonl/);
    assert.match(script("drift"), /npx pulumi-vox drift refresh\.jsonl > drift\.md[\s\S]*>> "\$GITHUB_STEP_SUMMARY"[\s\S]*exit \$status/);
  });
});
