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

  const src = path.join(repo, "scripts/pulumi-cli");
  const digest = (files: string[]) =>
    createHash("sha256")
      .update(Buffer.concat(files.map((file) => fs.readFileSync(path.join(src, file)))))
      .digest("hex")
      .slice(0, 12);
  const cliKey = digest(["go.mod", "go.sum"]);
  const hostSources = fs
    .readdirSync(path.join(src, "langhost"))
    .filter((file) => file.endsWith(".go"))
    .sort()
    .map((file) => `langhost/${file}`);
  const hostKey = digest(["go.mod", "go.sum", ...hostSources]);
  const cache = () => path.join(work, "cache", "pulumi-cli");

  it("passes over a pulumi of another version and puts together the cached CLI and language host, each under its own key", () => {
    fakeCli(path.join(work, "installed"), "v3.100.0");
    executable(path.join(cache(), `cli-v${version}-${cliKey}`, "pulumi"), `echo v${version}`);
    executable(path.join(cache(), `langhost-v${version}-${hostKey}`, "pulumi-language-nodejs"), "exit 0");
    const result = run([path.join(work, "installed")]);
    assert.strictEqual(result.status, 0, result.stderr);
    const bin = path.join(cache(), `v${version}-${cliKey}-${hostKey}`, "bin");
    assert.strictEqual(result.stdout.trim(), bin);
    for (const tool of ["pulumi", "pulumi-language-nodejs", "pulumi-resource-pulumi-nodejs"])
      assert.ok(fs.existsSync(path.join(bin, tool)), tool);
    const again = run([path.join(work, "installed")]);
    assert.strictEqual(again.stdout.trim(), bin);
    assert.match(again.stderr, /using the cached build/);
  });

  it("takes over a CLI from the cache layout before the split instead of building one", function () {
    if (["/usr/bin/go", "/bin/go"].some((go) => fs.existsSync(go))) this.skip(); // a Go there would build the host for real
    fakeCli(path.join(cache(), `v${version}-0123456789ab`, "bin"), `v${version}`);
    const result = run([]);
    assert.match(result.stderr, /taking over the CLI cached in/);
    assert.ok(fs.existsSync(path.join(cache(), `cli-v${version}-${cliKey}`, "pulumi")));
    // Only the language host is left to build, and without Go the script says so.
    assert.match(result.stderr, /no Go toolchain to build the Node\.js language host/);
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
