import assert from "node:assert/strict";
import { ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { parseCliArgs } from "../../emulator/cli";
import { EmulatorOptions } from "../../emulator/options";
import { builtBin } from "../support/bins";
import { Client } from "../support/emulator";
import { campaignBody } from "../support/inputs";

const ROOT = resolve(__dirname, "../..");
const KEY = "cli-secret-key";

interface RunningCli {
  child: ChildProcess;
  url: string;
  output: () => string;
  exit: Promise<number | null>;
}

/** Runs the built CLI (see builtBin) and waits for its URL line. */
async function startCli(args: string[], env: Record<string, string> = {}): Promise<RunningCli> {
  const child = spawn(process.execPath, [builtBin("vox-emulator"), "--port", "0", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let output = "";
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exit = new Promise<number | null>((resolveExit) => child.once("exit", (code) => resolveExit(code)));
  const lines = createInterface({ input: child.stdout! });
  const firstLine = await new Promise<string | null>((resolveLine) => {
    lines.once("line", resolveLine);
    child.once("exit", () => resolveLine(null));
  });
  lines.on("line", (line) => (output += `${line}\n`));
  if (firstLine === null) throw new Error(`the CLI exited before listening: ${output}`);
  output += `${firstLine}\n`;
  const match = /^vox-emulator listening on (http:\/\/\S+)$/.exec(firstLine);
  assert.ok(match, `unexpected first line: ${firstLine}`);
  return { child, url: match[1], output: () => output, exit };
}

/** Runs the CLI to its end (for --help and argument errors). */
function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [builtBin("vox-emulator"), ...args], {
    cwd: ROOT,
    env: { ...process.env, VOX_API_KEY: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolveRun) => child.once("close", (code) => resolveRun({ code, stdout, stderr })));
}

/** parseCliArgs for a line that must give options, not help. */
function parseOptions(args: string[]): EmulatorOptions {
  const options = parseCliArgs(args, {});
  assert.notEqual(options, "help");
  return options as EmulatorOptions;
}

const running: ChildProcess[] = [];

describe("vox-emulator CLI", () => {
  let directory: string;

  before(async () => {
    directory = await mkdtemp(join(tmpdir(), "vox-emulator-cli-"));
  });
  afterEach(() => {
    for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  after(() => rm(directory, { recursive: true, force: true }));

  it("prints its URL, serves the API and stops cleanly on SIGTERM without printing the key", async () => {
    const cli = await startCli(["--api-key", KEY]);
    const client = new Client(cli.url, KEY);
    assert.equal((await client.post("/v2/campaigns", campaignBody())).status, 200);
    assert.equal((await new Client(cli.url, null).get("/_emulator/health")).body.status, "ok");
    cli.child.kill("SIGTERM");
    assert.equal(await cli.exit, 0);
    assert.ok(!cli.output().includes(KEY), "the API key is never printed");
    assert.ok(!cli.output().includes("0101000000"), "phone numbers are never printed");
  });

  it("stops cleanly on SIGINT too", async () => {
    const cli = await startCli(["--api-key", KEY]);
    cli.child.kill("SIGINT");
    assert.equal(await cli.exit, 0);
  });

  it("flushes the data file on SIGTERM and loads it on the next start", async () => {
    const dataFile = join(directory, "cli-data.json");
    let cli = await startCli(["--api-key", KEY, "--data", dataFile, "--speed", "0"]);
    const id = (await new Client(cli.url, KEY).post("/v2/campaigns", campaignBody({ name: "Kept" }))).body.id;
    cli.child.kill("SIGTERM");
    assert.equal(await cli.exit, 0);
    assert.equal(JSON.parse(await readFile(dataFile, "utf8")).campaigns[0].id, id);
    cli = await startCli(["--api-key", KEY, "--data", dataFile]);
    assert.equal((await new Client(cli.url, KEY).get(`/v3/campaigns/${id}`)).body.name, "Kept");
    cli.child.kill("SIGTERM");
    assert.equal(await cli.exit, 0);
  });

  it("reads VOX_API_KEY when --api-key is absent, and applies --rate-limit and --fault", async () => {
    const cli = await startCli(["--rate-limit", "0.01/2", "--fault", "503:count=1"], { VOX_API_KEY: KEY });
    const client = new Client(cli.url, KEY);
    assert.equal((await client.get("/v3/campaigns")).status, 503);
    assert.equal((await client.get("/v3/campaigns")).status, 200);
    assert.equal((await client.get("/v3/campaigns")).status, 200);
    assert.equal((await client.get("/v3/campaigns")).status, 429);
    cli.child.kill("SIGTERM");
    assert.equal(await cli.exit, 0);
  });

  const badArguments: Array<[string[], RegExp]> = [
    [[], /API key is required/],
    [["--api-key", KEY, "--port", "eighty"], /--port needs a number/],
    [["--api-key", KEY, "--rate-limit", "fast"], /rate limit/],
    [["--api-key", KEY, "--fault", "explode"], /bad fault/],
    [["--api-key", KEY, "--colour", "red"], /Unknown option '--colour'/],
  ];
  for (const [args, message] of badArguments) {
    it(`exits 2 with usage for ${JSON.stringify(args)}`, async () => {
      const { code, stderr } = await runCli(args);
      assert.equal(code, 2);
      assert.match(stderr, message);
      assert.match(stderr, /usage: vox-emulator/);
    });
  }

  for (const flag of ["--help", "-h"]) {
    it(`${flag} prints the usage on stdout and exits 0, without needing an API key`, async () => {
      const { code, stdout, stderr } = await runCli([flag]);
      assert.equal(code, 0, stderr);
      assert.match(stdout, /^usage: vox-emulator /);
      assert.match(stdout, /slow-commit/, "the usage lists every fault type");
      assert.equal(stderr, "");
    });
  }

  it("exits 1 with a message when the port is taken", async () => {
    const cli = await startCli(["--api-key", KEY]);
    const port = new URL(cli.url).port;
    const { code, stderr } = await runCli(["--api-key", KEY, "--port", port]);
    assert.equal(code, 1);
    assert.match(stderr, /EADDRINUSE/);
  });

  describe("argument parsing", () => {
    it("defaults to port 4010 on 127.0.0.1 with the rate limit left to startEmulator (contract 5/10)", () => {
      const options = parseOptions(["--api-key", "k"]);
      assert.equal(options.port, 4010);
      assert.equal(options.host, "127.0.0.1");
      assert.equal(options.rateLimit, undefined);
      assert.deepEqual(options.apiKey, ["k"]);
    });

    it("answers help for --help even among other flags", () => {
      assert.equal(parseCliArgs(["--port", "eighty", "--help"], {}), "help");
    });

    it("takes every flag, several keys and faults", () => {
      const options = parseOptions([
        "--api-key",
        "a",
        "--api-key",
        "b",
        "--host",
        "0.0.0.0",
        "--port",
        "0",
        "--data",
        "d.json",
        "--speed",
        "60",
        "--seed",
        "9",
        "--failure-rate",
        "0.5",
        "--rate-limit",
        "off",
        "--fault",
        "500:rate=0.1",
        "--fault",
        "reset:count=1",
        "--approved-number",
        "15881508",
      ]);
      assert.deepEqual(options, {
        apiKey: ["a", "b"],
        port: 0,
        host: "0.0.0.0",
        dataFile: "d.json",
        speed: 60,
        seed: 9,
        failureRate: 0.5,
        rateLimit: false,
        faults: [
          { type: "500", rate: 0.1 },
          { type: "reset", count: 1 },
        ],
        approvedPresentationNumbers: ["15881508"],
      });
    });
  });
});
