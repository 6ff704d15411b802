import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { renderPreview } from "../../cli/explain/markdown";
import { readPreview } from "../../cli/explain/preview";

const NOW = Date.parse("2026-11-30T10:00:00+09:00");

/** A recorded in-place update (test/gitops/fixtures) with `paused` set on either side, as a preview of a pause or resume shows it. */
function explainWithPaused(before: boolean | undefined, after: boolean): string {
  const preview = JSON.parse(fs.readFileSync(path.join(__dirname, "../gitops/fixtures/preview-update-window.json"), "utf8"));
  for (const step of preview.steps) {
    if (!String(step.urn).includes("vox:Campaign")) continue;
    if (step.oldState?.outputs && before !== undefined) step.oldState.outputs.paused = before;
    if (step.newState?.inputs) step.newState.inputs.paused = after;
  }
  return renderPreview(readPreview(preview), NOW);
}

describe("pulumi-vox explain: paused", () => {
  it("says ⏸ pause when paused becomes true", () => {
    assert.match(explainWithPaused(false, true), /\n- ⏸ pause: no new calls are placed; calls in progress finish\.\n/);
  });

  it("says ▶ resume when paused becomes false", () => {
    assert.match(explainWithPaused(true, false), /\n- ▶ resume: calls start again inside the call windows\.\n/);
  });

  it("says nothing of a pause that does not change (state from before paused existed reads as false)", () => {
    assert.doesNotMatch(explainWithPaused(true, true), /⏸|▶/);
    assert.doesNotMatch(explainWithPaused(undefined, false), /⏸|▶/);
  });
});
