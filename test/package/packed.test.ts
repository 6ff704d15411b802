import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pulumiCliDir } from "../e2e/support/pulumi-stack";
import { TEST_API_KEY, TestEmulator, startTestEmulator } from "../support/emulator";
import { ShellRun, shell } from "../support/shell";
import { brokenLink, relativeLinks } from "../docs/markdown-links";
import { yamlHostDir } from "../native/support";
import { AGENT_ID } from "../support/inputs";

const repo = path.resolve(__dirname, "../..");
const packageJson = require(path.join(repo, "package.json"));
/** The SDK version the package is tested with: its pinned devDependency. */
const PULUMI_VERSION: string = packageJson.devDependencies["@pulumi/pulumi"];

/** The tsconfig.json that `pulumi new typescript` writes, as it is: no esModuleInterop, no skipLibCheck. */
const OFFICIAL_TSCONFIG = {
  compilerOptions: {
    strict: true,
    outDir: "bin",
    target: "es2020",
    module: "commonjs",
    moduleResolution: "node",
    sourceMap: true,
    experimentalDecorators: true,
    pretty: true,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
  },
  files: ["index.ts"],
};

/** A user's program: a campaign file, a CSV contact list, and an inline campaign. */
const PROGRAM = `import * as path from "path";
import * as vox from "pulumi-vox";

const files = vox.loadCampaignFiles(path.join(__dirname, "campaigns"));
export const fromFiles = files.map((file) => new vox.Campaign(file.resourceName, file.args).id);

const contacts = vox.tasksFromCsv(path.join(__dirname, "contacts.csv"));
const reminder = new vox.Campaign("renewal-reminder", {
  agentId: "${AGENT_ID}",
  callFrom: "02-1234-5678",
  callTimeWindow: { windows: [{ days: ["Monday", "Tuesday"], start: "09:00", end: "12:00" }] },
  tasks: contacts.tasks,
});
export const status = reminder.status;
`;

const CAMPAIGN_FILE = `name: VIP follow-up
agentId: ${AGENT_ID}
callFrom: "02-1234-5678"
tasks:
  - callTo: "010-3456-7890"
`;

const CONTACTS = "phone,var.customerName\n010-1234-5678,김민수\n010-2345-6789,이서연\n";

/** Runs `command` in `cwd` with {@link shell}, and fails with the command's output when it exits with another code than 0. */
async function ok(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<ShellRun> {
  const run = await shell(command, { cwd, env });
  assert.strictEqual(run.code, 0, `${command} exited ${run.code}\n${run.stdout}\n${run.stderr}`);
  return run;
}

/**
 * The CI check of the packed package: `npm pack` of this repository installed into a brand-new project
 * outside it, made as `pulumi new typescript` makes one, then compiled, run and previewed as a user would.
 */
describe("the packed package in a new Pulumi project", function () {
  this.timeout(15 * 60_000);
  let work: string;
  let project: string;
  let env: NodeJS.ProcessEnv;
  let emulator: TestEmulator;
  let tarball: string;

  before(async function () {
    this.timeout(45 * 60_000);
    const cliDir = pulumiCliDir();
    work = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-vox-package-"));
    project = path.join(work, "project");
    env = {
      ...process.env,
      PATH: `${cliDir}${path.delimiter}${process.env.PATH}`,
      PULUMI_HOME: path.join(work, "pulumi-home"),
      PULUMI_BACKEND_URL: `file://${path.join(work, "state")}`,
      PULUMI_CONFIG_PASSPHRASE: "package-test",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      VOX_API_KEY: "",
      VOX_BASE_URL: "",
      // The repository's ts-node settings must not leak into the user's project.
      TS_NODE_PROJECT: "",
      TS_NODE_TRANSPILE_ONLY: "",
    };
    fs.mkdirSync(path.join(work, "state"));

    // prepack compiles dist/ from the source first, so the tarball is never a stale build.
    const packed = await ok(`npm pack --json --pack-destination ${JSON.stringify(work)}`, repo, env);
    tarball = path.join(work, JSON.parse(packed.stdout.slice(packed.stdout.indexOf("[")))[0].filename);

    fs.mkdirSync(path.join(project, "campaigns"), { recursive: true });
    fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "vox-user", main: "index.ts" }, null, 2));
    fs.writeFileSync(path.join(project, "tsconfig.json"), JSON.stringify(OFFICIAL_TSCONFIG, null, 4));
    fs.writeFileSync(path.join(project, "Pulumi.yaml"), "name: vox-user\nruntime:\n  name: nodejs\n  options:\n    packagemanager: npm\n");
    fs.writeFileSync(path.join(project, "index.ts"), PROGRAM);
    fs.writeFileSync(path.join(project, "campaigns", "vip-followup.yaml"), CAMPAIGN_FILE);
    fs.writeFileSync(path.join(project, "contacts.csv"), CONTACTS);
    const devTools = `typescript@${packageJson.devDependencies.typescript} @types/node@${packageJson.devDependencies["@types/node"]}`;
    await ok(
      `npm install --prefer-offline --no-audit --no-fund ${JSON.stringify(tarball)} @pulumi/pulumi@${PULUMI_VERSION} ${devTools}`,
      project,
      env,
    );
    emulator = await startTestEmulator();
  });

  const installed = () => path.join(project, "node_modules", "pulumi-vox");

  after(async () => {
    await emulator?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it("installs one copy of @pulumi/pulumi, the project's", () => {
    const nested = path.join(project, "node_modules", "pulumi-vox", "node_modules", "@pulumi", "pulumi");
    assert.ok(!fs.existsSync(nested), "pulumi-vox brought its own @pulumi/pulumi");
    assert.strictEqual(require(path.join(project, "node_modules/@pulumi/pulumi/package.json")).version, PULUMI_VERSION);
  });

  it("type-checks with the tsconfig of `pulumi new typescript`", async () => {
    const run = await shell("npx tsc --noEmit --pretty false", { cwd: project, env });
    const errors = run.stdout.split("\n").filter((line) => / error TS\d+:/.test(line));
    assert.strictEqual(run.code, 0, `tsc found ${errors.length} errors, the first:\n${errors.slice(0, 5).join("\n")}${run.stderr}`);
  });

  it("runs `npx pulumi-vox --help`", async () => {
    assert.match((await ok("npx pulumi-vox --help", project, env)).stdout, /pulumi-vox validate \[path \.\.\.\]/);
  });

  it("runs `npx vox-emulator --help`, whose pointers name files the package has", async () => {
    const help = (await ok("npx vox-emulator --help", project, env)).stdout;
    assert.match(help, /vox-emulator/);
    for (const [file] of help.matchAll(/[\w/-]+\.md\b/g))
      assert.ok(fs.existsSync(path.join(installed(), file)), `--help points to ${file}`);
  });

  it("has every file and heading the installed README and docs link to", () => {
    const problems: string[] = [];
    const shipped = ["README.md", ...fs.readdirSync(path.join(installed(), "docs")).map((file) => `docs/${file}`)];
    for (const file of shipped.filter((name) => name.endsWith(".md"))) {
      for (const link of relativeLinks(path.join(installed(), file))) {
        const broken = brokenLink(link);
        if (broken) problems.push(`${file}: ${broken}`);
      }
    }
    assert.deepStrictEqual(problems, []);
  });

  it("compiles every TypeScript example of the README in a CommonJS project", async () => {
    const readme = fs.readFileSync(path.join(installed(), "README.md"), "utf8");
    const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map(([, code]) => code);
    assert.ok(examples.length >= 4, `${examples.length} examples`);
    const files = examples.map((code, i) => {
      const file = `readme-example-${i + 1}.ts`;
      const imports = code.includes('from "pulumi-vox"') ? "" : 'import * as vox from "pulumi-vox";\n';
      fs.writeFileSync(path.join(project, file), `${imports}${code}\nexport {};\n`);
      return file;
    });
    fs.writeFileSync(path.join(project, "tsconfig.readme.json"), JSON.stringify({ ...OFFICIAL_TSCONFIG, files }, null, 4));
    const run = await shell("npx tsc -p tsconfig.readme.json --noEmit --pretty false", { cwd: project, env });
    assert.strictEqual(run.code, 0, `${run.stdout}${run.stderr}`);
  });

  it("explains a real `pulumi preview --json` piped into `npx pulumi-vox explain`", async () => {
    await ok("pulumi stack init dev --non-interactive", project, env);
    await ok(`pulumi config set --secret vox:apiKey ${TEST_API_KEY} --non-interactive`, project, env);
    await ok(`pulumi config set vox:baseUrl ${emulator.url} --non-interactive`, project, env);
    const run = await shell("set -o pipefail; pulumi preview --json --non-interactive | npx pulumi-vox explain", { cwd: project, env });
    assert.strictEqual(run.code, 0, run.stderr);
    assert.match(run.stdout, /^\*\*2 to create\*\*$/m);
    assert.match(
      run.stdout,
      /### `renewal-reminder`: ➕ create\n\n(- .*\n)*- Tasks: 2 tasks\n- Call windows: Mon, Tue 09:00–12:00 \(Asia\/Seoul\)/,
    );
    assert.match(run.stdout, /### `vip-followup`: ➕ create\n\n(- .*\n)*- Tasks: 1 task/);
    assert.doesNotMatch(run.stdout, /partial/);
  });

  it("runs the shipped examples/yaml in a new Pulumi YAML project, on the package's pulumi-resource-vox", async () => {
    const yamlProject = path.join(work, "yaml-project");
    fs.mkdirSync(yamlProject);
    fs.writeFileSync(path.join(yamlProject, "package.json"), JSON.stringify({ name: "vox-yaml-user", private: true }, null, 2));
    // What docs/native-provider.md tells a YAML user to run; npm adds @pulumi/pulumi, the peer the plugin loads its protocol from.
    await ok(`npm install --prefer-offline --no-audit --no-fund ${JSON.stringify(tarball)}`, yamlProject, env);
    fs.copyFileSync(path.join(installed(), "examples", "yaml", "Pulumi.yaml"), path.join(yamlProject, "Pulumi.yaml"));
    const yamlEnv = { ...env, PATH: `${yamlHostDir()}${path.delimiter}${env.PATH}` };
    await ok("pulumi stack init dev --non-interactive", yamlProject, yamlEnv);
    await ok(`pulumi config set --secret vox:apiKey ${TEST_API_KEY} --non-interactive`, yamlProject, yamlEnv);
    await ok(`pulumi config set vox:baseUrl ${emulator.url} --non-interactive`, yamlProject, yamlEnv);
    const before = await emulator.campaignCount();
    await ok("pulumi up --yes --non-interactive", yamlProject, yamlEnv);
    const id = (await ok("pulumi stack output id --non-interactive", yamlProject, yamlEnv)).stdout.trim();
    assert.strictEqual((await emulator.campaign(id)).status, "pending");
    assert.strictEqual(await emulator.campaignCount(), before + 1);
    await ok("pulumi destroy --yes --non-interactive", yamlProject, yamlEnv);
    assert.strictEqual((await emulator.campaign(id)).status, "canceled");
  });
});
