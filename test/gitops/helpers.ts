import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const REPO = path.resolve(__dirname, "..", "..");
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

/** A mobile number written in full, as the tests' files spell them. */
const FULL_NUMBER = /01[016789][- ]?\d{3,4}[- ]?\d{4}/;
/** The provider's own hint of what a valid number looks like, which names example numbers. */
const EXAMPLE_HINT = /use a domestic number such as [^;]*/g;

/** Fails when `text` shows a phone number in full (other than the examples in the provider's hint). */
export function assertNoPhoneNumbers(text: string): void {
  assert.doesNotMatch(text.replace(EXAMPLE_HINT, ""), FULL_NUMBER);
}
