import { ChildProcess, execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import fetch from "node-fetch";

const repo = path.resolve(__dirname, "../../..");

/** A state backend for `PULUMI_BACKEND_URL`, started for a test and stopped after. */
export interface StateBackend {
  name: string;
  url: string;
  /** Variables the CLI needs for it (credentials of the S3 store). */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/** A backend's server cannot run here; in CI (`CI` set) that fails the suite instead of skipping it. */
export class BackendMissing extends Error {
  override name = "BackendMissing";
}

/** A file backend in a temp dir, shared by every runner of the test as a network drive would be. */
export async function startFileBackend(): Promise<StateBackend> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vox-state-"));
  return { name: "file", url: `file://${dir}`, env: {}, stop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A private PostgreSQL cluster (Debian's postgresql-15) in a temp dir, on 127.0.0.1 and a free port,
 * with trust authentication for a user `vox`. As root, the cluster runs as the `postgres` user, since
 * PostgreSQL refuses to run as root.
 */
export async function startPostgresBackend(): Promise<StateBackend> {
  const bin = postgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vox-pg-"));
  const data = path.join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args], { stdio: "pipe" })
      : execFileSync(path.join(bin, tool), args, { stdio: "pipe" });
  run("initdb", ["-D", data, "-U", "vox", "-A", "trust", "--no-sync"]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  run("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "start"]);
  return {
    name: "postgres",
    url: `postgres://vox@127.0.0.1:${port}/postgres?sslmode=disable`,
    env: {},
    stop: async () => {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * moto's S3 server (PyPI `moto[server]`, installed by scripts/install-test-services.sh into .tmp/venv)
 * on 127.0.0.1 and a free port, with a bucket `vox-state`; Pulumi reaches it path-style over http.
 */
export async function startS3Backend(): Promise<StateBackend> {
  const server = [path.join(repo, ".tmp/venv/bin/moto_server"), onPath("moto_server")].find(
    (candidate) => candidate !== undefined && fs.existsSync(candidate),
  );
  if (!server) throw new BackendMissing("moto_server is not installed: run scripts/install-test-services.sh");
  const port = await freePort();
  const child = spawn(server, ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
  const endpoint = `http://127.0.0.1:${port}`;
  await untilAnswers(`${endpoint}/`, child);
  const created = await fetch(`${endpoint}/vox-state`, { method: "PUT" });
  if (!created.ok) throw new Error(`moto: creating the bucket answered ${created.status}`);
  return {
    name: "s3",
    url: `s3://vox-state?endpoint=${endpoint}&use_path_style=true&region=us-east-1`,
    // moto takes any credentials; these keep the SDK from looking for real ones.
    env: { AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_REGION: "us-east-1" },
    stop: () => stopChild(child),
  };
}

function postgresBinDir(): string {
  const debian = "/usr/lib/postgresql/15/bin";
  if (fs.existsSync(path.join(debian, "pg_ctl"))) return debian;
  const found = onPath("pg_ctl");
  if (found) return path.dirname(found);
  throw new BackendMissing("PostgreSQL 15 is not installed (apt-get install -y postgresql-15)");
}

function onPath(tool: string): string | undefined {
  return (process.env.PATH ?? "")
    .split(path.delimiter)
    .map((dir) => path.join(dir, tool))
    .find((candidate) => fs.existsSync(candidate));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function untilAnswers(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${url}: no answer within 30 s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.on("exit", () => resolve());
    child.kill();
  });
}
