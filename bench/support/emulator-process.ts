import { ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { BENCH_API_KEY, BenchClient } from "./http";

/**
 * The emulator in its own process, as `vox-emulator` runs (so that it does not share the bench's CPU
 * time), with a frozen clock: campaigns wait, nobody is "called" during a bench. The rate limit is off,
 * or `N/BURST` (the API's `5/10`) for a row that measures the pace.
 */
export class EmulatorProcess {
  private readonly control = new BenchClient({ keepAlive: false });

  private constructor(
    private readonly child: ChildProcess,
    /** Base URL of the API, e.g. `http://127.0.0.1:40123`. */
    readonly url: string,
  ) {}

  static async start(rateLimit = "off"): Promise<EmulatorProcess> {
    const child = spawn(
      process.execPath,
      ["-r", "ts-node/register", "emulator/cli.ts", "--port", "0", "--api-key", BENCH_API_KEY, "--rate-limit", rateLimit, "--speed", "0"],
      { cwd: resolve(__dirname, "../.."), env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "1" }, stdio: ["ignore", "pipe", "inherit"] },
    );
    const line = await new Promise<string>((resolveLine, reject) => {
      createInterface({ input: child.stdout! }).once("line", resolveLine);
      child.once("exit", () => reject(new Error("the emulator exited before listening")));
    });
    return new EmulatorProcess(child, line.replace("vox-emulator listening on ", ""));
  }

  /** Its process id, so that memory sampling can leave it out of the Pulumi process tree. */
  get pid(): number {
    return this.child.pid!;
  }

  /** API requests since the last reset, keyed like `POST /v2/campaigns`. */
  async requestCounts(): Promise<Record<string, number>> {
    return (JSON.parse(await this.control.ok(`${this.url}/_emulator/requests`, "GET")) as { counts: Record<string, number> }).counts;
  }

  async resetRequests(): Promise<void> {
    await this.control.ok(`${this.url}/_emulator/requests`, "DELETE");
  }

  /** Forgets every campaign (and the request log), so that memory does not grow from run to run. */
  async resetAll(): Promise<void> {
    await this.control.ok(`${this.url}/_emulator/reset`, "POST");
  }

  async stop(): Promise<void> {
    this.control.close();
    if (this.child.exitCode !== null) return;
    const exited = new Promise((done) => this.child.once("exit", done));
    this.child.kill("SIGTERM");
    await exited;
  }
}
