import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CampaignFilesError, loadCampaignFiles } from "../../provider/campaign-files";
import { ContactListError } from "../../provider/contact-lists";
import { REPO, builtBin } from "../support/bins";

export const EXAMPLE_CAMPAIGNS = path.join(REPO, "examples", "gitops", "campaigns");

/** A fresh temporary directory, removed after the current test file. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-vox-gitops-"));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes `files` (relative path → text or bytes) under `dir`, making folders; returns `dir`. */
export function writeFiles(dir: string, files: Record<string, string | Buffer>): string {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** The outcome of running the CLI as a user would. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the `pulumi-vox` bin in a child process, as a user would (see builtBin). */
export function runCli(args: string[], options: { cwd?: string; input?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [builtBin("pulumi-vox"), ...args], {
    cwd: options.cwd ?? REPO,
    input: options.input ?? "",
    encoding: "utf8",
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A mobile number written in full, as the tests' files spell them. */
const FULL_NUMBER = /01[016789][- ]?\d{3,4}[- ]?\d{4}/;
/** Fails when `text` shows a phone number in full (the provider's hints name number forms, not numbers). */
export function assertNoPhoneNumbers(text: string): void {
  assert.doesNotMatch(text, FULL_NUMBER);
}

/** An error of the provider's file readers: a message, and each problem on its own. */
type ProblemsError = Error & { problems: string[] };

/**
 * The problems of an input that must fail to load with an `errorType`: neither the message nor a problem
 * shows a phone number in full.
 */
export function problemsOf(errorType: abstract new (...args: never[]) => ProblemsError, load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    assert.ok(error instanceof errorType, `expected a ${errorType.name}, got ${error}`);
    assertNoPhoneNumbers(error.message);
    error.problems.forEach(assertNoPhoneNumbers);
    return error.problems;
  }
  assert.fail(`expected a ${errorType.name}, but it loaded`);
}

/** The problems of a contact list that must fail to load. */
export const contactListProblems = (load: () => unknown): string[] => problemsOf(ContactListError, load);

/** The problems of a campaign directory that must fail to load, as the program sees them. */
export const campaignFileProblems = (directory: string): string[] => problemsOf(CampaignFilesError, () => loadCampaignFiles(directory));
