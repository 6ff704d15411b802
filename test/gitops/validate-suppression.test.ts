import * as assert from "assert";
import { suppressionHash } from "../../provider/suppression";
import { assertNoPhoneNumbers, runCli, tempDir, writeFiles } from "./helpers";

import { AGENT_ID as AGENT } from "../support/inputs";

describe("pulumi-vox validate with suppression lists", () => {
  it("says how many tasks each list removes, reads lists relative to the campaign file, and names a bad list's line", () => {
    const dir = writeFiles(tempDir(), {
      "Pulumi.yaml": "name: validate-suppression\nruntime: nodejs\n",
      "campaigns/inline.yaml":
        `agentId: ${AGENT}\ncallFrom: "0212345678"\nsuppressionLists: [dnc/optout.csv, dnc/register.sha256]\n` +
        'tasks:\n  - callTo: "010-1234-5678"\n  - callTo: "010-2345-6789"\n  - callTo: "010-3456-7890"\n',
      "campaigns/from-file.yaml": `agentId: ${AGENT}\ncallFrom: "0212345678"\ntasksFile: contacts.csv\nsuppressionLists: [dnc/optout.csv]\n`,
      "campaigns/contacts.csv": "phone\n010-1234-5678\n010-4567-8901\n",
      "campaigns/broken.yaml": `agentId: ${AGENT}\ncallFrom: "0212345678"\nsuppressionLists: [dnc/broken.csv]\ntasks:\n  - callTo: "010-4567-8901"\n`,
      "campaigns/dnc/optout.csv": "phone\n010-1234-5678\n",
      "campaigns/dnc/register.sha256": `${suppressionHash("010-2345-6789")}\n`,
      "campaigns/dnc/broken.csv": "phone\n010-1234-5678\n010-9999-999x\n",
    });
    const run = runCli(["validate", "campaigns"], { cwd: dir });
    assert.strictEqual(run.status, 1, run.stdout + run.stderr);
    assert.match(
      run.stdout,
      /^OK campaigns\/inline\.yaml: inline: 3 tasks, 2 suppressed \(campaigns\/dnc\/optout\.csv 1, campaigns\/dnc\/register\.sha256 1\), /m,
    );
    assert.match(
      run.stdout,
      /^OK campaigns\/from-file\.yaml: from-file: 2 tasks from campaigns\/contacts\.csv \(UTF-8\), 1 suppressed \(campaigns\/dnc\/optout\.csv 1\), /m,
    );
    assert.match(run.stderr, /suppressionLists\[0\]: campaigns\/dnc\/broken\.csv:3 column phone: .* \(campaigns\/broken\.yaml\)/);
    assertNoPhoneNumbers(run.stdout + run.stderr);
  });
});
