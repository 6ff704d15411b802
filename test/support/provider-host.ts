import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import * as readline from "readline";

/*
 * Drives the real dynamic-provider host of @pulumi/pulumi over gRPC, with the stubs the package ships:
 * the same process and wire format the Pulumi engine uses, minus the engine.
 */
const sdkDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const sdkRequire = (id: string) => require(require.resolve(id, { paths: [sdkDir] }));
const grpc = sdkRequire("@grpc/grpc-js");
const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
const provproto = require("@pulumi/pulumi/proto/provider_pb");
const structproto = sdkRequire("google-protobuf/google/protobuf/struct_pb");

type Props = Record<string, unknown>;

export class ProviderHost {
  private constructor(
    private readonly child: ChildProcess,
    private readonly client: any,
    readonly stderr: string[],
  ) {}

  /**
   * Starts the host in `projectDir`, as the engine does, and connects to the port it prints. With
   * `engineStdin`, its stdin is a pipe this process holds, as the engine's is: {@link engineExits} closes it.
   */
  static async start(projectDir: string, { engineStdin = false } = {}): Promise<ProviderHost> {
    const child = spawn(process.execPath, [require.resolve("@pulumi/pulumi/cmd/dynamic-provider"), "127.0.0.1:1"], {
      cwd: projectDir,
      env: { ...process.env, PULUMI_NODEJS_PROJECT: "pulumi-vox-test" },
      stdio: [engineStdin ? "pipe" : "ignore", "pipe", "pipe"],
    });
    const stderr: string[] = [];
    child.stderr!.on("data", (chunk) => stderr.push(String(chunk)));
    const port = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: child.stdout! }).once("line", resolve);
      child.once("exit", (code) => reject(new Error(`provider host exited with ${code}: ${stderr.join("")}`)));
    });
    const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port.trim()}`, grpc.credentials.createInsecure());
    return new ProviderHost(child, client, stderr);
  }

  /** What the host sees when the engine dies however it dies: the end of its stdin pipe. */
  engineExits(): void {
    this.child.stdin?.end();
  }

  /** Resolves with the exit code once the host process has exited (at once if it has). */
  exited(): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve(this.child.exitCode);
    return new Promise((resolve) => this.child.once("exit", (code) => resolve(code)));
  }

  private call<T>(method: string, request: unknown): Promise<T> {
    return new Promise((resolve, reject) =>
      this.client[method](request, (error: Error | null, response: T) => (error ? reject(error) : resolve(response))),
    );
  }

  async configure(config: Record<string, string>): Promise<void> {
    const request = new provproto.ConfigureRequest();
    request.setArgs(structproto.Struct.fromJavaScript(config));
    await this.call("configure", request);
  }

  async check(olds: Props, news: Props): Promise<{ inputs: Props; failures: { property: string; reason: string }[] }> {
    const request = new provproto.CheckRequest();
    request.setOlds(structproto.Struct.fromJavaScript(olds));
    request.setNews(structproto.Struct.fromJavaScript(news));
    const response = await this.call<any>("check", request);
    return {
      inputs: response.getInputs().toJavaScript(),
      failures: response.getFailuresList().map((f: any) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
  }

  async diff(id: string, olds: Props, news: Props): Promise<{ changes: number; replaces: string[]; deleteBeforeReplace: boolean }> {
    const request = new provproto.DiffRequest();
    request.setId(id);
    request.setOlds(structproto.Struct.fromJavaScript(olds));
    request.setNews(structproto.Struct.fromJavaScript(news));
    const response = await this.call<any>("diff", request);
    return {
      changes: response.getChanges(),
      replaces: response.getReplacesList(),
      deleteBeforeReplace: response.getDeletebeforereplace(),
    };
  }

  async create(properties: Props): Promise<{ id: string; properties: Props }> {
    const request = new provproto.CreateRequest();
    request.setProperties(structproto.Struct.fromJavaScript(properties));
    const response = await this.call<any>("create", request);
    return { id: response.getId(), properties: response.getProperties().toJavaScript() };
  }

  async read(id: string, properties: Props): Promise<{ id: string; properties: Props; inputs: Props | undefined }> {
    const request = new provproto.ReadRequest();
    request.setId(id);
    request.setProperties(structproto.Struct.fromJavaScript(properties));
    const response = await this.call<any>("read", request);
    return { id: response.getId(), properties: response.getProperties()?.toJavaScript(), inputs: response.getInputs()?.toJavaScript() };
  }

  async update(id: string, olds: Props, news: Props): Promise<Props> {
    const request = new provproto.UpdateRequest();
    request.setId(id);
    request.setOlds(structproto.Struct.fromJavaScript(olds));
    request.setNews(structproto.Struct.fromJavaScript(news));
    const response = await this.call<any>("update", request);
    return response.getProperties().toJavaScript();
  }

  async delete(id: string, properties: Props): Promise<void> {
    const request = new provproto.DeleteRequest();
    request.setId(id);
    request.setProperties(structproto.Struct.fromJavaScript(properties));
    await this.call("delete", request);
  }

  async close(): Promise<void> {
    this.client.close();
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once("exit", resolve));
      this.child.kill("SIGTERM");
      await exited;
    }
  }
}

/** The diff answer's enum, as the engine reads it. */
export const DIFF = { UNKNOWN: 0, NONE: 1, SOME: 2 } as const;
