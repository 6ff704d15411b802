import * as assert from "assert";
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const repo = path.resolve(__dirname, "../..");
const script = path.join(repo, "scripts/ensure-pulumi-cli.sh");
const version = require(path.join(repo, "package.json")).devDependencies["@pulumi/pulumi"] as string;

/** Writes an executable shell script. */
function executable(file: string, body: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
}

/** A fake `pulumi` that reports `reported` as its version, with a language host beside it. */
function fakeCli(dir: string, reported: string): void {
  executable(path.join(dir, "pulumi"), `echo ${reported}`);
  executable(path.join(dir, "pulumi-language-nodejs"), "exit 0");
}

/**
 * The script's choices without a real build: an installed CLI of the right version, the cache, and a clear
 * failure when neither is there and Go is missing. (The real build runs in CI's first step and the e2e suite.)
 */
describe("scripts/ensure-pulumi-cli.sh", () => {
  let work: string;
  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "ensure-cli-"));
  });
  afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

  // System tools only: neither the machine's Go nor a real pulumi.
  const run = (pathDirs: string[]) =>
    spawnSync("bash", [script], {
      encoding: "utf8",
      env: { ...process.env, PATH: [...pathDirs, "/usr/bin", "/bin"].join(":"), PULUMI_VOX_CACHE: path.join(work, "cache") },
    });

  it("uses a pulumi on PATH when its version matches @pulumi/pulumi", () => {
    fakeCli(path.join(work, "installed"), `v${version}`);
    const result = run([path.join(work, "installed")]);
    assert.strictEqual(result.status, 0, result.stderr);
    assert.strictEqual(result.stdout.trim(), path.join(work, "installed"));
    assert.match(result.stderr, /using the installed pulumi/);
  });

  it("passes over a pulumi of another version and uses the cached build, keyed by version and build inputs", () => {
    fakeCli(path.join(work, "installed"), "v3.100.0");
    const inputs = ["go.mod", "go.sum", "langhost/main.go"].map((f) => fs.readFileSync(path.join(repo, "scripts/pulumi-cli", f)));
    const key = createHash("sha256").update(Buffer.concat(inputs)).digest("hex").slice(0, 12);
    const bin = path.join(work, "cache", "pulumi-cli", `v${version}-${key}`, "bin");
    fakeCli(bin, `v${version}`);
    executable(path.join(bin, "pulumi-resource-pulumi-nodejs"), "exit 0");
    const result = run([path.join(work, "installed")]);
    assert.strictEqual(result.status, 0, result.stderr);
    assert.strictEqual(result.stdout.trim(), bin);
    assert.match(result.stderr, /using the cached build/);
  });

  it("without a matching CLI, a cache or Go, fails saying what is missing", function () {
    // The PATH given to the script keeps /usr/bin and /bin for its tools; a Go there would start a real build.
    if (["/usr/bin/go", "/bin/go"].some((go) => fs.existsSync(go))) this.skip();
    fakeCli(path.join(work, "installed"), "v3.100.0");
    const result = run([path.join(work, "installed")]);
    assert.notStrictEqual(result.status, 0);
    assert.match(result.stderr, /the installed pulumi is v3\.100\.0, not v/);
    assert.match(result.stderr, new RegExp(`no Pulumi CLI v${version.replace(/\./g, "\\.")} on PATH and no Go toolchain`));
    assert.strictEqual(result.stdout, "", "nothing on stdout: callers must not take an error for a directory");
  });
});
