import * as assert from "assert";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { main } from "../../cli/index";
import { ManualClock } from "../support/clock";
import { TEST_API_KEY, TestEmulator, startTestEmulator } from "../support/emulator";
import { AGENT_ID } from "../support/inputs";
import { restoreEnvAfterEach } from "../support/hooks";
import { capturedOutput } from "./capture";

/** `pulumi-vox doctor` in-process, outside any Pulumi project: the settings come from the environment. */
describe("pulumi-vox doctor", () => {
  let emulator: TestEmulator;
  restoreEnvAfterEach("VOX_API_KEY", "VOX_BASE_URL");
  const cwd = process.cwd();
  beforeEach(async () => {
    // Outside a Pulumi project (the repository has a Pulumi.yaml): no stack config to read.
    process.chdir(fs.mkdtempSync(path.join(os.tmpdir(), "vox-doctor-")));
    emulator = await startTestEmulator();
    Object.assign(process.env, { VOX_API_KEY: TEST_API_KEY, VOX_BASE_URL: emulator.url });
  });
  afterEach(async () => {
    process.chdir(cwd);
    await emulator.close();
  });

  async function doctor(...args: string[]) {
    const output = capturedOutput();
    const code = await main(["doctor", ...args], output, new ManualClock(await emulator.now()));
    return { code, out: output.outLines.join("\n"), err: output.errLines.join("\n") };
  }

  const createCampaign = () =>
    emulator.api("POST", "/v2/campaigns", { name: "c", call_from: "0212345678", agent_id: AGENT_ID, tasks: [{ call_to: "01012345678" }] });

  it("a working setup: URL, key, organization and agent OK in two requests, exit 0", async () => {
    await createCampaign();
    const organization = (await emulator.api("POST", "/v2/campaigns/list", { limit: 1 })).body.campaigns[0].organization_id;
    await emulator.resetRequests();
    const { code, out } = await doctor("--agent", AGENT_ID, "--organization", organization);
    assert.strictEqual(code, 0, out);
    assert.match(out, new RegExp(`✓ URL +${emulator.url.replace(/[.]/g, "\\.")} \\(from the VOX_BASE_URL environment variable`));
    assert.match(out, /✓ API key +accepted \(from the VOX_API_KEY environment variable/);
    assert.match(out, new RegExp(`✓ Organization ${organization} \\(from the newest campaign the key sees\\)`));
    assert.match(out, new RegExp(`✓ Agent +${AGENT_ID}: this organization's campaigns use it`));
    assert.match(out, /All checks passed\.$/);
    assert.deepStrictEqual(await emulator.requests(), { "POST /v2/campaigns/list": 2 });
    assert.ok(!out.includes(TEST_API_KEY), "the key is never printed");
  });

  it("a refused key fails (exit 1) and names where the key came from", async () => {
    process.env.VOX_API_KEY = "wrong-key";
    const { code, out } = await doctor();
    assert.strictEqual(code, 1);
    assert.match(out, /✗ API key +refused \(401\): the key came from the VOX_API_KEY environment variable/);
    assert.match(out, /1 check failed: see ✗ above\.$/);
    assert.ok(!out.includes("wrong-key"));
  });

  it("an URL where nothing listens fails at once, naming the URL, where it came from and what to do", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    process.env.VOX_BASE_URL = `http://127.0.0.1:${port}`;
    const started = Date.now();
    const { code, out } = await doctor();
    assert.strictEqual(code, 1);
    assert.ok(Date.now() - started < 5_000, "no retries for minutes");
    assert.match(
      out,
      new RegExp(`✗ URL +http://127\\.0\\.0\\.1:${port} \\(from the VOX_BASE_URL environment variable.*\\): .*npx vox-emulator`),
    );
  });

  it("no key: says how to set one; an unused agent and an unknown organization are warnings; another organization fails", async () => {
    delete process.env.VOX_API_KEY;
    const none = await doctor();
    assert.strictEqual(none.code, 1);
    assert.match(none.out, /✗ API key +none: set VOX_API_KEY, or `pulumi config set --secret vox:apiKey <key>`/);
    process.env.VOX_API_KEY = TEST_API_KEY;
    const fresh = await doctor("--agent", AGENT_ID);
    assert.strictEqual(fresh.code, 0, fresh.out);
    assert.match(fresh.out, /! Organization unknown: the key sees no campaign yet/);
    assert.match(fresh.out, /! Agent +.*no campaign of this organization uses it yet/);
    await createCampaign();
    const other = await doctor("--organization", "org_someone_else");
    assert.strictEqual(other.code, 1);
    assert.match(other.out, /✗ Organization \S+, not org_someone_else: this key belongs to another organization/);
    assert.strictEqual((await doctor("--agent", "not-a-uuid")).code, 2);
  });
});
