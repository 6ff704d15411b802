/**
 * The `pulumi-resource-vox` process as the engine starts it (dist/, which scripts/bootstrap.sh builds):
 * stdin a pipe the engine holds, the port on stdout. The lifecycle matrix kills a real `pulumi up`; this
 * is the same promise, quickly: once the engine is gone the plugin exits.
 */
import * as assert from "assert";
import { type ChildProcessWithoutNullStreams, spawn } from "child_process";
import * as path from "path";

const PLUGIN = path.resolve(__dirname, "../../dist/provider/native/main.js");

/** Starts the plugin with an engine address that nothing listens on, and waits for its port. */
async function startPlugin(): Promise<{ child: ChildProcessWithoutNullStreams; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [PLUGIN, "127.0.0.1:9"], { stdio: "pipe" });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.once("data", (chunk: Buffer) => (/^\d+\n$/.test(chunk.toString()) ? resolve() : reject(new Error(`stdout: ${chunk}`))));
    child.once("exit", (code) => reject(new Error(`exited ${code} before printing its port`)));
  });
  return { child, exited };
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<"still running">((resolve) => setTimeout(() => resolve("still running"), ms))]);

describe("pulumi-resource-vox, the process", function () {
  this.timeout(60_000);

  it("serves while the engine holds its stdin, and exits as soon as the engine is gone", async () => {
    const { child, exited } = await startPlugin();
    assert.strictEqual(await within(exited, 1_500), "still running");
    child.stdin.end(); // what the kernel does to the pipe when the engine dies, however it dies
    assert.strictEqual(await within(exited, 10_000), 1);
  });
});
