/**
 * The Python and Go SDKs `pulumi package gen-sdk` writes from schema/provider.schema.json type-check:
 * scripts/check-sdks.sh generates them with Pulumi's generators at the CLI's version, runs mypy on the
 * Python one and `go vet` on the Go one. About 20 s warm; a cold Go build cache takes minutes.
 */
import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const repo = path.resolve(__dirname, "../..");

describe("the native provider's Python and Go SDKs", function () {
  this.timeout(20 * 60_000);
  let out: string;
  before(() => (out = fs.mkdtempSync(path.join(os.tmpdir(), "vox-sdks-"))));
  after(() => fs.rmSync(out, { recursive: true, force: true }));

  it("pass mypy (and the Python one installs and imports) and go vet", async () => {
    const result = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile("bash", [path.join(repo, "scripts/check-sdks.sh"), out], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
      );
    });
    assert.strictEqual(result.code, 0, result.output);
    assert.match(result.output, /Success: no issues found/);
    assert.match(result.output, /import pulumi_vox: ok/);
    assert.ok(fs.existsSync(path.join(out, "python", "pulumi_vox", "campaign.py")));
    assert.ok(fs.existsSync(path.join(out, "go", "vox", "campaign.go")));
  });
});
