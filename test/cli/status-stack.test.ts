import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { statusCommand } from "../../cli/status/command";
import { ManualClock } from "../support/clock";
import { TestEmulator, startTestEmulator } from "../support/emulator";
import { pulumiCliDir } from "../e2e/support/pulumi-stack";

const CAMPAIGN_TYPE = "pulumi-nodejs:dynamic/vox:Campaign";
const PASSPHRASE = "status-test-passphrase";
const PROVIDER = "urn:pulumi:dev::proj::pulumi:providers:pulumi-nodejs::default";

/**
 * `pulumi-vox status` in a Pulumi project, as a user runs it there: the campaigns from `pulumi stack
 * export`, the key from `pulumi config get vox:apiKey` (a secret, which needs the stack's passphrase).
 */
describe("pulumi-vox status in a Pulumi project", function () {
  this.timeout(120_000);
  let emulator: TestEmulator;
  let dir: string;
  const savedEnv = { ...process.env };
  const savedCwd = process.cwd();

  const pulumi = (...args: string[]) =>
    execFileSync("pulumi", args, { cwd: dir, encoding: "utf8", env: { ...process.env, PULUMI_CONFIG_PASSPHRASE: PASSPHRASE } });

  before(() => {
    const cliDir = pulumiCliDir();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "vox-status-stack-"));
    fs.mkdirSync(path.join(dir, ".state"));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: proj\nruntime: nodejs\n");
    Object.assign(process.env, {
      PATH: `${cliDir}${path.delimiter}${process.env.PATH}`,
      PULUMI_HOME: path.join(dir, ".pulumi-home"),
      PULUMI_BACKEND_URL: `file://${path.join(dir, ".state")}`,
      PULUMI_SKIP_UPDATE_CHECK: "true",
    });
    for (const name of ["VOX_API_KEY", "VOX_BASE_URL", "PULUMI_CONFIG_PASSPHRASE", "PULUMI_CONFIG_PASSPHRASE_FILE"])
      delete process.env[name];
    pulumi("stack", "init", "dev");
  });
  beforeEach(async () => {
    emulator = await startTestEmulator();
    // State with one campaign, as `pulumi up` would leave it (imported: no program needs to run).
    const exported = JSON.parse(pulumi("stack", "export"));
    exported.deployment.resources = [
      { urn: "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev", custom: false, type: "pulumi:pulumi:Stack" },
      { urn: PROVIDER, custom: true, id: "p1", type: "pulumi:providers:pulumi-nodejs" },
      {
        urn: `urn:pulumi:dev::proj::${CAMPAIGN_TYPE}::spring-sale`,
        custom: true,
        id: "cmp_any",
        type: CAMPAIGN_TYPE,
        provider: `${PROVIDER}::p1`,
      },
    ];
    const file = path.join(dir, "state.json");
    fs.writeFileSync(file, JSON.stringify(exported));
    pulumi("stack", "import", "--file", file);
    pulumi("config", "set", "vox:baseUrl", emulator.url);
    process.chdir(dir);
  });
  afterEach(async () => {
    process.chdir(savedCwd);
    delete process.env.PULUMI_CONFIG_PASSPHRASE;
    await emulator.close();
  });
  after(() => {
    process.env = savedEnv;
  });

  async function status(...args: string[]) {
    const err: string[] = [];
    const clock = new ManualClock(await emulator.now());
    const code = await statusCommand(args, { tty: false, clock, output: { out: () => undefined, err: (l) => err.push(l) } });
    return { code, err: err.join("\n") };
  }

  it("without PULUMI_CONFIG_PASSPHRASE says that the stack's secret cannot be read, not that the key is missing", async () => {
    pulumi("config", "set", "--secret", "vox:apiKey", "some-key");
    const { code, err } = await status();
    assert.strictEqual(code, 1);
    assert.match(err, /`pulumi config get vox:apiKey` failed for the current stack: passphrase must be set with PULUMI_CONFIG_PASSPHRASE/);
    assert.doesNotMatch(err, /no vox\.ai API key|refused/);
  });

  it("a refused key from the stack config is named as the stack config's", async () => {
    pulumi("config", "set", "--secret", "vox:apiKey", "not-the-key");
    process.env.PULUMI_CONFIG_PASSPHRASE = PASSPHRASE;
    const { code, err } = await status();
    assert.strictEqual(code, 1);
    assert.match(err, /refused the API key \(401 UNAUTHORIZED\); the key came from the config vox:apiKey of the current stack/);
    assert.ok(!err.includes("not-the-key"), "the key is never printed");
  });
});
