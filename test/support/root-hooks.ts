/**
 * Mocha root hooks (.mocharc.json `require`): every test gets a Pulumi home of its own, where the provider
 * keeps its create journal (provider/runtime/create-journal.ts), and so does each test process outside the
 * tests. Emulators listen on random ports and a port comes back: an entry that one test left for its
 * emulator's URL would make a later test's create on that URL look for an earlier POST before sending its
 * own, and a home shared with earlier runs on the machine (~/.pulumi) would do the same across runs.
 * Processes a test starts inherit the home of the moment; e2e stacks set one per stack (PulumiStack).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const newHome = () => fs.mkdtempSync(path.join(os.tmpdir(), "vox-test-pulumi-home-"));

const processHome = newHome();
process.env.PULUMI_HOME = processHome;
process.once("exit", () => fs.rmSync(processHome, { recursive: true, force: true }));

let testHome: string | undefined;

export const mochaHooks = {
  beforeEach(): void {
    // A file that set a home of its own for its tests (status-stack.test.ts: its stack's workspace) keeps it.
    if (process.env.PULUMI_HOME !== processHome) return;
    testHome = newHome();
    process.env.PULUMI_HOME = testHome;
  },
  afterEach(): void {
    if (testHome === undefined) return;
    process.env.PULUMI_HOME = processHome;
    fs.rmSync(testHome, { recursive: true, force: true });
    testHome = undefined;
  },
};
